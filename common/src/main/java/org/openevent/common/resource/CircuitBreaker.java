package org.openevent.common.resource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal breaker for calls to one other service: after {@code threshold} consecutive failures it rejects
 * calls for {@code openMillis}, then lets one call through to probe. Thread-safe, lock-free.
 */
final class CircuitBreaker {

    private final int threshold;
    private final long openMillis;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();

    CircuitBreaker(int threshold, long openMillis) {
        this.threshold = threshold;
        this.openMillis = openMillis;
    }

    /** Whether a call may go out now. */
    boolean allows() {
        long until = openUntil.get();
        if (until == 0 || System.currentTimeMillis() >= until) {
            return until == 0 || openUntil.compareAndSet(until, System.currentTimeMillis() + openMillis);
        }
        return false;
    }

    void succeeded() {
        failures.set(0);
        openUntil.set(0);
    }

    void failed() {
        if (failures.incrementAndGet() >= threshold) {
            openUntil.set(System.currentTimeMillis() + openMillis);
        }
    }
}
