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
import java.time.Duration;
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
    void aRememberedTokenStopsWorkingWhenItExpires() throws Exception {
        VerifiedTokens tokens = remembering();
        JWTAuthContextInfo noLeeway = new JWTAuthContextInfo(settings.getPublicVerificationKey(), TestTokens.ISSUER);
        noLeeway.setExpGracePeriodSecs(0);
        noLeeway.setClockSkew(0);
        String token = token(7, 2);
        JWTCallerPrincipal first = tokens.parse(token, noLeeway);
        assertSame(first, tokens.parse(token, noLeeway));
        while (System.currentTimeMillis() / 1000 <= first.getExpirationTime()) {
            Thread.sleep(100);
        }
        ParseException refused = assertThrows(ParseException.class, () -> tokens.parse(token, noLeeway));
        assertEquals("Token has expired", CallerIdentity.describe(refused));
    }

    @Test
    void pastItsExpiryATokenIsVerifiedAgainAndTheLeewayIsTheVerifiers() throws Exception {
        VerifiedTokens tokens = remembering();
        String token = token(7, 1);
        JWTCallerPrincipal first = tokens.parse(token, settings);
        while (System.currentTimeMillis() / 1000 <= first.getExpirationTime()) {
            Thread.sleep(100);
        }
        // Within the verifier's default leeway of a minute the token still passes, but by a fresh verification.
        assertNotSame(first, tokens.parse(token, settings));
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
