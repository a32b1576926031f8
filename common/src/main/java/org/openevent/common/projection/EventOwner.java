package org.openevent.common.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Envelope;

/**
 * Bounded, circuit-broken access to event-service's current snapshots. A missing event is an empty answer; an
 * owner that cannot answer is a 503 for the client, never a guess from a possibly stale projection.
 */
@ApplicationScoped
public class EventOwner {

    private final EventOwnerClient client;

    public EventOwner(@RestClient EventOwnerClient client) {
        this.client = client;
    }

    /** The current snapshot envelope, or null when event-service has no such event. */
    public Uni<Envelope> snapshot(String reference) {
        return guarded(reference).onFailure(failure -> !(failure instanceof ApiException))
                .transform(failure -> ApiException.unavailable(
                        "Event information could not be confirmed with event-service; try again shortly."));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Uni<Envelope> guarded(String reference) {
        return client.snapshot(reference)
                .onFailure(EventOwner::isNotFound).recoverWithNull();
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
