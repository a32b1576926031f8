package org.openevent.export.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of exports and feeds: public URLs, UIDs, time-zone window, freshness waits, render leases, feed
 * refresh hints, the cancellation period, file retention, render batches and task long polls.
 */
@ConfigMapping(prefix = "openevent.export")
public interface ExportConfig {

    /** Base URL of the public frontend; session URLs are {@code <base>/e/<identifier>/session/<id>}. */
    @WithDefault("http://localhost:4200")
    String publicBaseUrl();

    /**
     * The API's public base URL (the gateway's origin as clients reach it): download links and feed URLs are
     * absolute on it, so the frontend does not open them on its own origin.
     */
    @WithDefault("http://localhost:8080")
    String apiBaseUrl();

    /** Domain part of VEVENT UIDs ({@code session-<id>@<identifier>.<domain>}). */
    @WithDefault("openevent.local")
    String uidDomain();

    /**
     * Secret for signing download links and deriving personal feed tokens; every replica must share it
     * (OPENEVENT_EXPORT_DOWNLOAD_SIGNING_KEY). Without it each process invents one and feed URLs change on restart.
     */
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
    @WithDefault("20ms")
    Duration freshnessPollInterval();

    /**
     * The longest a task request waits for its task to finish when the client asks to ({@code Prefer: wait=N}, RFC
     * 7240): longer waits are cut to this, well under the gateway's read timeout.
     */
    @WithDefault("20s")
    Duration taskWaitLimit();

    /**
     * While a task request waits, how often it reads the task again: a task finished by this process wakes it at
     * once; one finished by another replica is seen at the next reading.
     */
    @WithDefault("250ms")
    Duration taskWaitRecheck();

    /**
     * How long a render claim lasts. A task whose renderer died is claimed again after it, so it must exceed the
     * freshness timeout plus the longest render.
     */
    @WithDefault("3m")
    Duration renderLease();

    /**
     * Whether the process that takes an export request starts rendering it at once instead of waiting for its
     * {@code export.requested} message to come back from Kafka; the message still goes out, so another replica takes
     * the task over when this one cannot render it (the render claim keeps it to one renderer).
     */
    @WithDefault("true")
    boolean renderOnRequest();

    /**
     * With {@link #renderOnRequest()}: how many sessions an export request may render itself when the projection
     * has already seen the schedule version it asks for; such a request answers with a finished task. A larger
     * render (a first export, a changed event) goes to a renderer as usual. Negative: never within the request.
     */
    @WithDefault("200")
    int inlineRenderLimit();

    /** Which process rendered a task (recorded on it); defaults to the host name and process id. */
    Optional<String> instanceId();

    /** Feeds: refresh hints and caching. */
    Feeds feeds();

    /** Cancelled sessions: how long a withdrawn, rejected, canceled or deleted public session stays listed. */
    @WithDefault("P30D")
    Duration cancellationPeriod();

    /** Retention of rendered files and superseded session fragments. */
    Retention retention();

    /** How many sessions are loaded and rendered per batch; bounds the memory of a render. */
    @WithDefault("500")
    int renderBatch();

    /** How many render batches are in flight at once (loading, rendering on a worker thread, or storing). */
    @WithDefault("3")
    int renderConcurrency();

    /** How many fragments are read per query while a file or feed streams out; bounds the memory of a download. */
    @WithDefault("512")
    int streamBatch();

    /**
     * Bytes of rendered fragments kept in memory for streaming (a 10,000-session calendar is about 11 MB); 0 keeps
     * none. Fragments never change under their id, so what is kept is never stale.
     */
    @WithDefault("33554432")
    long fragmentCacheBytes();

    /**
     * Bytes of remembered schedule listings (44 per session: a 10,000-session event takes 440 KB), from which the
     * next calendar of the same whole schedule is planned by reading only the sessions changed since; 0 remembers
     * none, and every plan then reads the whole listing.
     */
    @WithDefault("16777216")
    long listingMemoryBytes();

    /** Live calendar feeds. */
    interface Feeds {

        /**
         * How often calendar clients should refresh: REFRESH-INTERVAL and X-PUBLISHED-TTL in the calendars and
         * {@code max-age} of {@code Cache-Control}.
         */
        @WithDefault("PT1H")
        Duration refresh();

        /**
         * How long a feed request waits for the projection to reach session-service's current schedule version
         * (read-your-writes) before answering from what it has.
         */
        @WithDefault("2s")
        Duration freshnessTimeout();
    }

    /** What is kept of rendered files. */
    interface Retention {

        /** The newest files per event and format that are always kept. */
        @WithDefault("3")
        int keepVersions();

        /**
         * Older files are kept while a task handed one out this recently (it must exceed the download link TTL so
         * every link handed out stays good).
         */
        @WithDefault("PT24H")
        Duration keepFor();

        /** Superseded session fragments are kept at least this long (longer while a kept file refers to them). */
        @WithDefault("PT10M")
        Duration fragmentGrace();
    }
}
