package org.openevent.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.TestTokens;

/** Remembered verifications: reused for the same token and settings, never past the token's expiry or on failure. */
class VerifiedTokensTests {

    private static PrivateKey signingKey;
    private static JWTAuthContextInfo settings;

    @BeforeAll
    static void keys() throws Exception {
        signingKey = KeyUtils.decodePrivateKey(Files.readString(Path.of("../test-keys/jwt-test-private.pem")));
        settings = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(Files.readString(Path.of("../test-keys/jwt-test-public.pem"))), TestTokens.ISSUER);
    }

    private static String token(long userId, long secondsValid) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(TestTokens.ISSUER).subject(String.valueOf(userId)).claim("identity", userId)
                .issuedAt(now - 5).expiresAt(now + secondsValid).sign(signingKey);
    }

    private static VerifiedTokens remembering() {
        return new VerifiedTokens(TokenCheckTests.config(Duration.ofMinutes(10)));
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() throws Exception {
        VerifiedTokens tokens = remembering();
        String token = token(7, 3600);
        JWTCallerPrincipal first = tokens.parse(token, settings);
        assertEquals("7", first.getSubject());
        assertSame(first, tokens.parse(token, settings));
        assertEquals("8", tokens.parse(token(8, 3600), settings).getSubject(), "another token is verified on its own");
    }

    @Test
    void otherSettingsVerifyAgain() throws Exception {
        VerifiedTokens tokens = remembering();
        String token = token(7, 3600);
        JWTCallerPrincipal first = tokens.parse(token, settings);
        JWTAuthContextInfo stricter = new JWTAuthContextInfo(settings.getPublicVerificationKey(), "https://elsewhere");
        assertThrows(ParseException.class, () -> tokens.parse(token, stricter));
        assertSame(first, tokens.parse(token, settings));
    }

    @Test
    void aRememberedTokenIsNotReusedOnceItsExpiryHasPassed() throws Exception {
        MutableClock clock = new MutableClock();
        VerifiedTokens tokens = new VerifiedTokens(TokenCheckTests.config(Duration.ofMinutes(10)), clock);
        String token = token(7, 3600);
        JWTCallerPrincipal first = tokens.parse(token, settings);
        clock.at(first.getExpirationTime() - 1);
        assertSame(first, tokens.parse(token, settings));
        // By this replica's clock the token has expired: the shortcut is not taken, the verifier decides again
        // (by its own clock the token is still valid here, so it passes, as a fresh verification).
        clock.at(first.getExpirationTime());
        assertNotSame(first, tokens.parse(token, settings));
    }

    @Test
    void anExpiredTokenIsRefusedByTheVerifier() {
        VerifiedTokens tokens = remembering();
        JWTAuthContextInfo noLeeway = new JWTAuthContextInfo(settings.getPublicVerificationKey(), TestTokens.ISSUER);
        noLeeway.setExpGracePeriodSecs(0);
        noLeeway.setClockSkew(0);
        String token = token(7, -1);
        for (int attempt = 0; attempt < 2; attempt++) {
            ParseException refused = assertThrows(ParseException.class, () -> tokens.parse(token, noLeeway));
            assertEquals("Token has expired", CallerIdentity.describe(refused));
        }
    }

    /** A clock the test sets, in whole seconds since the epoch. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void at(long epochSecond) {
            now = Instant.ofEpochSecond(epochSecond);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        VerifiedTokens tokens = remembering();
        String token = token(7, 3600);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"https://openevent.local\",\"sub\":\"1\",\"identity\":1,\"exp\":9999999999}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        for (int attempt = 0; attempt < 2; attempt++) {
            ParseException refused = assertThrows(ParseException.class, () -> tokens.parse(forged, settings));
            assertTrue(CallerIdentity.describe(refused).startsWith("Invalid"));
        }
    }

    @Test
    void turnedOffItVerifiesEveryTime() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(TokenCheckTests.config(Duration.ZERO));
        String token = token(7, 3600);
        assertNotSame(tokens.parse(token, settings), tokens.parse(token, settings));
    }
}
