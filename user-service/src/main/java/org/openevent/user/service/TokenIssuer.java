package org.openevent.user.service;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;
import org.openevent.common.security.CallerIdentity;
import org.openevent.user.config.AuthConfig;
import org.openevent.user.domain.User;

/** Mints RS256 access tokens shaped as the Open Event Frontend and the other services expect. */
@ApplicationScoped
public class TokenIssuer {

    private final AuthConfig config;

    public TokenIssuer(AuthConfig config) {
        this.config = config;
    }

    /** Signs a token for {@code user}; RSA signing and reading the key are blocking, call from a worker. */
    public String issueBlocking(User user) {
        Instant now = Instant.now();
        return Jwt.claims()
                .issuer(config.issuer())
                .subject(String.valueOf(user.id))
                .claim(CallerIdentity.IDENTITY_CLAIM, user.id)
                .groups(new LinkedHashSet<>(user.roles()))
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plus(config.tokenTtl()).getEpochSecond())
                .claim(Claims.jti.name(), UUID.randomUUID().toString())
                .sign();
    }
}
