package org.openevent.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Verifies bearer tokens as SmallRye JWT does and remembers the ones that passed, keyed by their exact text, so a
 * client's following requests skip the RSA check and the claims parse. A remembered token is only reused before
 * its {@code exp}; from then on, and for any token not remembered, the full verification runs and decides. Failures
 * are never remembered. Revocation does not depend on this: {@link TokenCheck} runs on every request either way.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, Verified> verified;
    private final Clock clock;

    @Inject
    public VerifiedTokens(TokenConfig config) {
        this(config, Clock.systemUTC());
    }

    VerifiedTokens(TokenConfig config, Clock clock) {
        this.clock = clock;
        verified = config.verifiedSize() <= 0 || config.verifiedTtl().isZero() ? null
                : Caffeine.newBuilder().maximumSize(config.verifiedSize()).expireAfterWrite(config.verifiedTtl()).build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        if (verified == null) {
            return verifier.parse(token, context);
        }
        Verified known = verified.getIfPresent(token);
        // Only a verification under the same settings counts; the expiry is checked without the grace period the
        // full verification may allow, so the shortcut is never more lenient than the check it saves.
        if (known != null && known.context() == context && clock.millis() / 1000 < known.expires()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (principal.getExpirationTime() > 0) {
            verified.put(token, new Verified(context, principal, principal.getExpirationTime()));
        }
        return principal;
    }

    /** A token that passed verification, under which settings, and until when (seconds since the epoch). */
    private record Verified(JWTAuthContextInfo context, JWTCallerPrincipal principal, long expires) {
    }
}
