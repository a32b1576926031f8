package org.openevent.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Resolves the caller of the current request from the verified JWT without blocking the event loop. */
@RequestScoped
public class Caller {

    private final CurrentIdentityAssociation association;

    public Caller(CurrentIdentityAssociation association) {
        this.association = association;
    }

    /**
     * The caller; anonymous when no token was sent. A token that cannot be accepted (expired, forged,
     * malformed) also yields an anonymous caller that remembers why, so public reads still work (the
     * original answered 401 there and logged the frontend out) while anything that needs a user
     * answers 401 with the reason.
     */
    public Uni<CallerIdentity> resolve() {
        return association.getDeferredIdentity()
                .map(Caller::toCaller)
                .onFailure().recoverWithItem(CallerIdentity::rejected);
    }

    static CallerIdentity toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return CallerIdentity.ANONYMOUS;
        }
        Object claim = jwt.getClaim(CallerIdentity.IDENTITY_CLAIM);
        Long userId = null;
        if (claim instanceof JsonNumber number) {
            userId = number.longValue();
        } else if (claim instanceof Number number) {
            userId = number.longValue();
        } else if (claim instanceof JsonString text && text.getString().matches("\\d{1,18}")) {
            userId = Long.parseLong(text.getString());
        }
        if (userId == null) {
            return CallerIdentity.ANONYMOUS;
        }
        return new CallerIdentity(userId, identity.hasRole(CallerIdentity.ADMIN_ROLE));
    }
}
