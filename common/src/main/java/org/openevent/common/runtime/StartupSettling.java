package org.openevent.common.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.openevent.common.persistence.HqlWarmUp;

/**
 * Does the start's deferred work on one low-priority background thread soon after the service is up: warms the HQL
 * parser, then runs one full collection so the heap the start-up burst filled with garbage is handed back.
 *
 * <p>Why the collection: the serial collector shrinks the heap only after a full collection, and a service at rest
 * may not need one for hours. Class loading, Flyway, the first Kafka fetches and the warm-up above leave 150 to 250
 * MB of a 256 MB heap committed and full of garbage, resident until then (stats-service idle: 404 MB resident before,
 * 271 MB after). The pause it costs comes once, seconds after readiness, and is tens of milliseconds for the 40 to 50
 * MB that are live at that point.
 *
 * <p>Background work that begins with an HQL statement (a sweep, a repair after the start) waits for the warm-up
 * through {@link #parserWarmed()}: Hibernate Reactive translates a statement on the event loop that runs it, and a
 * cold parser held an event loop for 6 to 7 s when all services started together on two cores.
 */
@ApplicationScoped
public class StartupSettling {

    private static final Logger LOG = Logger.getLogger(StartupSettling.class);

    /** After the start: warming up takes seconds of CPU that the start itself needs on a small machine. */
    static final long DELAY_MS = 3_000;

    private final CompletableFuture<Void> parserWarmed = new CompletableFuture<>();

    void onStart(@Observes StartupEvent start) {
        Thread settler = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MS);
                HqlWarmUp.warm();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                parserWarmed.complete(null);
            }
            releaseStartupHeap();
        }, "startup-settling");
        settler.setDaemon(true);
        settler.setPriority(Thread.MIN_PRIORITY);
        settler.start();
    }

    /** Completes once the HQL parser has been warmed up (or its warm-up was given up). */
    public CompletionStage<Void> parserWarmed() {
        return parserWarmed;
    }

    /** Whether {@link #parserWarmed()} has completed. */
    public boolean isParserWarm() {
        return parserWarmed.isDone();
    }

    static void releaseStartupHeap() {
        Runtime runtime = Runtime.getRuntime();
        long committedBefore = runtime.totalMemory();
        long started = System.nanoTime();
        System.gc();
        LOG.infof("Start-up heap released in %d ms: %d MB committed before, %d MB after (%d MB in use)",
                (System.nanoTime() - started) / 1_000_000, committedBefore >> 20, runtime.totalMemory() >> 20,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }
}
