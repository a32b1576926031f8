package org.openevent.session.service;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import java.util.Optional;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.client.UserContacts;

/**
 * The signed-in caller's account e-mail, for the few routes whose rules depend on it (speaker invitations, which
 * name their invitee by address): asked from user-service once per request, only by those routes. Rules read it
 * through {@link #known()}; elsewhere it stays unknown and addresses never widen what a caller sees.
 */
@RequestScoped
public class CallerEmail {

    private final UserContacts contacts;
    private String email;
    private boolean verified;

    public CallerEmail(UserContacts contacts) {
        this.contacts = contacts;
    }

    /** Asks user-service for the caller's address (nothing for anonymous callers); a 503 when it cannot tell. */
    public Uni<Void> load(CallerIdentity caller) {
        if (caller.userId() == null || email != null) {
            return Uni.createFrom().voidItem();
        }
        return contacts.of(caller.userId()).invoke(contact -> {
            email = contact.email().trim().toLowerCase(Locale.ROOT);
            verified = contact.verified();
        }).replaceWithVoid();
    }

    /**
     * As {@link #load}, for reads: when user-service cannot answer, the address stays unknown, which only narrows
     * what the caller sees (an invitee then sees their invitations as a stranger would).
     */
    public Uni<Void> loadForReading(CallerIdentity caller) {
        return load(caller).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The caller's address in lower case, if this request asked for it. */
    public Optional<String> address() {
        return Optional.ofNullable(email);
    }

    public boolean verified() {
        return verified;
    }

    /** The address known for the current request, if any (never fails outside a request). */
    public static Optional<String> known() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return Arc.container().instance(CallerEmail.class).get().address();
    }
}
