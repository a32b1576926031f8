package org.openevent.session.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.openevent.common.contract.UserContact;
import org.openevent.common.jsonapi.ApiException;

/**
 * Bounded, circuit-broken access to a user's account e-mail at user-service. Rules that depend on it (a speaker's
 * e-mail, an invitee) never guess: without an answer the client gets a 503.
 */
@ApplicationScoped
public class UserContacts {

    private final UserContactClient client;

    public UserContacts(@RestClient UserContactClient client) {
        this.client = client;
    }

    /** The user's contact; a 503 when user-service cannot tell (down, slow, or without such a user). */
    public Uni<UserContact> of(long userId) {
        return guarded(userId)
                .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> unavailable())
                .onItem().ifNull().failWith(UserContacts::unavailable)
                .invoke(contact -> {
                    if (contact.id() != userId || contact.email() == null || contact.email().isBlank()) {
                        throw unavailable();
                    }
                });
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Uni<UserContact> guarded(long userId) {
        return client.contact(userId);
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("Your account's e-mail address could not be confirmed with user-service; "
                + "try again shortly.");
    }
}
