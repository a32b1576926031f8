package org.openevent.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the caller of the current request from the verified JWT without blocking the event loop, and refuses
 * tokens their account no longer stands behind ({@link TokenCheck}); resolved once per request.
 */
@RequestScoped
public class Caller {

    private final CurrentIdentityAssociation association;
    private final TokenCheck tokens;
    private Uni<CallerIdentity> resolved;

    public Caller(CurrentIdentityAssociation association, TokenCheck tokens) {
        this.association = association;
        this.tokens = tokens;
    }

    /**
     * The caller; anonymous when no token was sent. A token that cannot be accepted (expired, forged,
     * malformed, revoked) also yields an anonymous caller that remembers why, so public reads still work (the
     * original answered 401 there and logged the frontend out) while anything that needs a user
     * answers 401 with the reason. A 503 when the token's account cannot be confirmed with its owner.
     */
    public Uni<CallerIdentity> resolve() {
        if (resolved == null) {
            resolved = association.getDeferredIdentity()
                    .map(Caller::toToken)
                    .onFailure().recoverWithItem(failure -> new Token(CallerIdentity.rejected(failure), 0))
                    .flatMap(token -> token.identity().isAnonymous() ? Uni.createFrom().item(token.identity())
                            : tokens.accepts(token.identity().userId(), token.generation())
                            .map(accepted -> accepted ? token.identity() : CallerIdentity.revoked()))
                    .memoize().indefinitely();
        }
        return resolved;
    }

    private static Token toToken(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Token(CallerIdentity.ANONYMOUS, TokenCheck.LEGACY);
        }
        if (CallerIdentity.REFRESH_TYPE.equals(text(jwt.getClaim(CallerIdentity.TYPE_CLAIM)))) {
            // A refresh token only renews access at user-service; as a credential it would outlive every logout.
            return new Token(new CallerIdentity(null, false, "Only access tokens are allowed"), TokenCheck.LEGACY);
        }
        Long userId = number(jwt.getClaim(CallerIdentity.IDENTITY_CLAIM));
        if (userId == null) {
            return new Token(CallerIdentity.ANONYMOUS, TokenCheck.LEGACY);
        }
        Long generation = number(jwt.getClaim(CallerIdentity.GENERATION_CLAIM));
        Object fresh = jwt.getClaim(CallerIdentity.FRESH_CLAIM);
        return new Token(new CallerIdentity(userId, identity.hasRole(CallerIdentity.ADMIN_ROLE), null,
                Boolean.TRUE.equals(fresh) || jakarta.json.JsonValue.TRUE.equals(fresh)),
                generation == null || generation < 0 ? TokenCheck.LEGACY : generation);
    }

    private static Long number(Object claim) {
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof JsonString text && text.getString().matches("\\d{1,18}")) {
            return Long.parseLong(text.getString());
        }
        return null;
    }

    private static String text(Object claim) {
        return claim instanceof JsonString text ? text.getString() : claim instanceof String text ? text : null;
    }

    /** A verified token's caller and the token generation it carries. */
    private record Token(CallerIdentity identity, long generation) {
    }
}
