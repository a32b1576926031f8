package org.openevent.event.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.openevent.common.contract.UserContact;
import org.openevent.common.jsonapi.ApiException;

/**
 * A user's e-mail address from user-service, to match role invitations against the signed-in account: one call
 * bounded by a timeout and a circuit breaker; without an answer the caller gets a 503, never a guess.
 */
@ApplicationScoped
public class UserContacts {

    private static final Logger LOG = Logger.getLogger(UserContacts.class);

    private final UserContactClient client;

    public UserContacts(@RestClient UserContactClient client) {
        this.client = client;
    }

    /** The caller's contact, a 404 when user-service does not know the account, or a 503. */
    public Uni<UserContact> of(long userId) {
        return guarded(userId)
                .onFailure().transform(failure -> {
                    LOG.warnf("No contact from user-service for user %d: %s", userId, failure.toString());
                    return ApiException.unavailable("Your account could not be checked just now; try again shortly.");
                })
                .onItem().ifNull().failWith(() -> ApiException.notFound("User"));
    }

    /** The contact, or null when user-service answers that the account does not exist (a healthy answer). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    Uni<UserContact> guarded(long userId) {
        return client.contact(userId)
                .onFailure(failure -> failure instanceof WebApplicationException web
                        && web.getResponse().getStatus() == 404).recoverWithNull()
                .map(contact -> {
                    if (contact != null && (contact.id() != userId || contact.email() == null)) {
                        throw new IllegalStateException("Unexpected contact answer " + contact);
                    }
                    return contact;
                });
    }
}
