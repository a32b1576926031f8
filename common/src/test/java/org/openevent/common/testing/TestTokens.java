package org.openevent.common.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import java.util.UUID;

/** Mints tokens signed with the committed test-only key, shaped like user-service's real tokens. */
public final class TestTokens {

    public static final String ISSUER = "https://openevent.local";

    private TestTokens() {
    }

    /** A token for a regular user. */
    public static String user(long userId) {
        return sign(userId, Set.of("user"), 3600);
    }

    /** A token for a regular user carrying a token generation, as user-service mints them. */
    public static String user(long userId, long generation) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(String.valueOf(userId)).claim("identity", userId).claim("tgen", generation)
                .groups(Set.of("user")).issuedAt(now - 5).expiresAt(now + 3600)
                .claim("jti", UUID.randomUUID().toString()).sign();
    }

    /** A token for a platform admin. */
    public static String admin(long userId) {
        return sign(userId, Set.of("user", "admin"), 3600);
    }

    /** A token that expired a minute ago. */
    public static String expired(long userId) {
        return sign(userId, Set.of("user"), -60);
    }

    /** The Authorization header value the Open Event Frontend sends. */
    public static String jwtHeader(String token) {
        return "JWT " + token;
    }

    private static String sign(long userId, Set<String> roles, long ttlSeconds) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER)
                .subject(String.valueOf(userId))
                .claim("identity", userId)
                .groups(roles)
                .issuedAt(now - 5)
                .expiresAt(now + ttlSeconds)
                .claim("jti", UUID.randomUUID().toString())
                .sign();
    }
}
