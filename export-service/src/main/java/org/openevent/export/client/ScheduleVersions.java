package org.openevent.export.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.openevent.common.jsonapi.ApiException;

/**
 * Asks session-service for an event's current schedule version when an export is requested, bounded by a
 * timeout and a circuit breaker. Without an answer no task is created: the caller gets a 503 instead of an export
 * that might silently miss changes committed before it was requested.
 */
@ApplicationScoped
public class ScheduleVersions {

    private static final Logger LOG = Logger.getLogger(ScheduleVersions.class);

    private final SessionScheduleClient client;

    public ScheduleVersions(@RestClient SessionScheduleClient client) {
        this.client = client;
    }

    /** The event's committed schedule version, or a 503 {@link ApiException}. */
    public Uni<Long> current(long eventId) {
        return guarded(eventId)
                .onFailure().invoke(e -> LOG.warnf("No schedule version from session-service for event %d: %s",
                        eventId, e.toString()))
                .onFailure().transform(e -> new ApiException(503, "Service Unavailable",
                        "The event's schedule version could not be read; try the export again shortly.", null, null));
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    Uni<Long> guarded(long eventId) {
        return client.scheduleVersion(eventId).map(answer -> {
            if (answer == null || answer.eventId() != eventId || answer.scheduleVersion() < 0) {
                throw new IllegalStateException("Unexpected schedule version answer " + answer);
            }
            return answer.scheduleVersion();
        });
    }
}
