package org.openevent.export.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the calendar export: public links, UID domain and the window of time-zone rules written. */
@ConfigMapping(prefix = "openevent.export")
public interface ExportConfig {

    /** Base URL of the public frontend; session URLs are {@code <base>/e/<identifier>/session/<id>}. */
    @WithDefault("http://localhost:4200")
    String publicBaseUrl();

    /** Domain part of VEVENT UIDs ({@code session-<id>@<identifier>.<domain>}). */
    @WithDefault("openevent.local")
    String uidDomain();

    /** Absolute API origin put in front of download URLs; without it they stay relative ({@code /v1/...}). */
    Optional<String> downloadBaseUrl();

    /** Secret for signing download links; every replica must share it (EXPORT_DOWNLOAD_SIGNING_KEY). */
    Optional<String> downloadSigningKey();

    /** How long a signed download link handed out by a task read stays valid. */
    @WithDefault("PT1H")
    Duration downloadLinkTtl();

    /** PRODID of generated calendars. */
    @WithDefault("-//Open Event//Open Event Export 1.0//EN")
    String productId();

    /** How far before the first and after the last date the VTIMEZONE rules must reach. */
    @WithDefault("P366D")
    Duration timezoneMargin();
}
