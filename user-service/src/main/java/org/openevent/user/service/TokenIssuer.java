package org.openevent.user.service;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openevent.common.security.CallerIdentity;
import org.openevent.user.config.AuthConfig;
import org.openevent.user.domain.User;

/**
 * Mints and reads the RS256 tokens shaped as the Open Event Frontend and the other services expect: access tokens
 * ({@code type} access, with the account's token generation, {@code fresh} after a password check, and for
 * remember-me sessions the session id and the {@code csrf} value the frontend echoes) and refresh tokens
 * ({@code type} refresh; every service refuses them as credentials). Signing and verifying are CPU work: call
 * from a worker.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String TYPE = CallerIdentity.TYPE_CLAIM;
    public static final String ACCESS = "access";
    public static final String REFRESH = CallerIdentity.REFRESH_TYPE;
    public static final String FRESH = CallerIdentity.FRESH_CLAIM;
    public static final String CSRF = "csrf";
    public static final String SESSION = "sid";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;
    private final JWTParser parser;

    public TokenIssuer(AuthConfig config, JWTParser parser) {
        this.config = config;
        this.parser = parser;
    }

    /** The tokens of one login or refresh: the access token, and for remember-me the refresh token and its id. */
    public record Issued(String accessToken, String refreshToken, UUID sessionId, String csrf) {
    }

    /** An access token without a refresh token behind it (a plain login). */
    public String access(User user) {
        return access(user, false, null, null, config.tokenTtl());
    }

    /** A short-lived fresh token: the password was just checked, so sensitive changes are allowed with it. */
    public String fresh(User user) {
        return access(user, true, null, null, config.freshTokenTtl());
    }

    /** An access token of a remember-me session, short-lived because the refresh token renews it. */
    public String sessionAccess(User user, UUID sessionId, String csrf, boolean fresh) {
        return access(user, fresh, sessionId, csrf, config.rememberedTokenTtl());
    }

    /** A remember-me login: a new session with its refresh token and csrf value, and its first access token. */
    public Issued session(User user) {
        UUID sessionId = UUID.randomUUID();
        String csrf = randomToken();
        Instant now = Instant.now();
        String refresh = claims(user, now, config.refreshTokenTtl())
                .claim(Claims.jti.name(), sessionId.toString())
                .claim(TYPE, REFRESH)
                .claim(CSRF, csrf)
                .sign();
        return new Issued(sessionAccess(user, sessionId, csrf, false), refresh, sessionId, csrf);
    }

    /** Verifies a token's signature, issuer and expiry; null when it is not a token this platform minted. */
    public JsonWebToken read(String token) {
        try {
            return parser.parse(token);
        } catch (ParseException e) {
            return null;
        }
    }

    /** The stored form of a refresh token: its SHA-256, so a leaked table grants nothing. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 random bytes, URL-safe: link tokens and csrf values. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Duration refreshTokenTtl() {
        return config.refreshTokenTtl();
    }

    private String access(User user, boolean fresh, UUID sessionId, String csrf, Duration ttl) {
        JwtClaimsBuilder claims = claims(user, Instant.now(), ttl)
                .claim(Claims.jti.name(), UUID.randomUUID().toString())
                .claim(TYPE, ACCESS)
                .claim(FRESH, fresh)
                .groups(new LinkedHashSet<>(user.roles()));
        if (sessionId != null) {
            claims.claim(SESSION, sessionId.toString()).claim(CSRF, csrf);
        }
        return claims.sign();
    }

    private JwtClaimsBuilder claims(User user, Instant now, Duration ttl) {
        return Jwt.claims()
                .issuer(config.issuer())
                .subject(String.valueOf(user.id))
                .claim(CallerIdentity.IDENTITY_CLAIM, user.id)
                .claim(CallerIdentity.GENERATION_CLAIM, user.tokenGeneration)
                .issuedAt(now.getEpochSecond())
                .claim(Claims.nbf.name(), now.getEpochSecond())
                .expiresAt(now.plus(ttl).getEpochSecond());
    }
}
