package org.openevent.export.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the calendar export: links, UIDs, time-zone window, freshness wait and render leases. */
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

    /** Secret for signing download links; every replica must share it (OPENEVENT_EXPORT_DOWNLOAD_SIGNING_KEY). */
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

    /**
     * How long a renderer waits for the projection to reach the schedule version the task was requested at; the
     * task fails with a clear message after it.
     */
    @WithDefault("30s")
    Duration freshnessTimeout();

    /** How often the renderer looks at the projection's watermark while it waits. */
    @WithDefault("100ms")
    Duration freshnessPollInterval();

    /**
     * How long a render claim lasts. A task whose renderer died is claimed again after it, so it must exceed the
     * freshness timeout plus the longest render.
     */
    @WithDefault("3m")
    Duration renderLease();
}
