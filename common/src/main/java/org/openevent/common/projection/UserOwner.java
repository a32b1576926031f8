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
 * Bounded, circuit-broken access to user-service's current account snapshots. A missing account is an empty
 * answer; an owner that cannot answer is a 503, never a guess about a token it alone can confirm.
 */
@ApplicationScoped
public class UserOwner {

    private final UserOwnerClient client;

    public UserOwner(@RestClient UserOwnerClient client) {
        this.client = client;
    }

    /** The current snapshot envelope, or null when user-service has no such account. */
    public Uni<Envelope> snapshot(long id) {
        return guarded(id).onFailure(failure -> !(failure instanceof ApiException))
                .transform(failure -> ApiException.unavailable(
                        "Your account could not be confirmed with user-service; try again shortly."));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Uni<Envelope> guarded(long id) {
        return client.snapshot(id).onFailure(UserOwner::isNotFound).recoverWithNull();
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
