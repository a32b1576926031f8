package org.openevent.user.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.user.rest.Accounts.PASSWORD;
import static org.openevent.user.rest.Accounts.bearer;
import static org.openevent.user.rest.Accounts.claims;
import static org.openevent.user.rest.Accounts.loginAnswer;
import static org.openevent.user.rest.Accounts.signUp;
import static org.openevent.user.rest.Accounts.uniqueEmail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Remember-me, refresh with and without CSRF, logout, fresh logins, blocked accounts and the login limit. */
@QuarkusTest
class TokenFlowTests {

    static io.restassured.response.ValidatableResponse refresh(String refreshToken, String csrf) {
        var request = given().contentType("application/json").header("Authorization", bearer(refreshToken));
        if (csrf != null) {
            request = request.header("X-CSRF-Token", csrf);
        }
        return request.body("{}").when().post("/v1/auth/token/refresh").then();
    }

    @Test
    void rememberMeHandsOutARefreshTokenOnlyWhenAskedToIncludeIt() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        JsonNode plain = loginAnswer(email, PASSWORD, false, false);
        assertNull(plain.get("refresh_token"));
        JsonNode access = claims(plain.get("access_token").asText());
        assertEquals(24 * 3600, access.get("exp").asLong() - access.get("iat").asLong(), "a day without remember-me");
        assertEquals("access", access.get("type").asText());
        assertEquals(0, access.get("tgen").asLong());
        assertFalse(access.get("fresh").asBoolean());
        assertNull(access.get("csrf"));

        assertNull(loginAnswer(email, PASSWORD, true, false).get("refresh_token"), "not in the body unless asked");
        JsonNode remembered = loginAnswer(email, PASSWORD, true, true);
        JsonNode shortLived = claims(remembered.get("access_token").asText());
        JsonNode refresh = claims(remembered.get("refresh_token").asText());
        assertEquals(90 * 60, shortLived.get("exp").asLong() - shortLived.get("iat").asLong(), "90 minutes");
        assertEquals("refresh", refresh.get("type").asText());
        assertEquals(id, refresh.get("identity").asLong());
        assertEquals(refresh.get("csrf").asText(), shortLived.get("csrf").asText(),
                "the frontend echoes the access token's csrf value when it refreshes");
        assertEquals(refresh.get("jti").asText(), shortLived.get("sid").asText());
    }

    @Test
    void refreshNeedsTheCsrfValueAndMarksTheAccess() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        JsonNode login = loginAnswer(email, PASSWORD, true, true);
        String refreshToken = login.get("refresh_token").asText();
        String csrf = claims(refreshToken).get("csrf").asText();

        refresh(refreshToken, null).statusCode(401).body("error", equalTo("Missing CSRF token"));
        refresh(refreshToken, "not-" + csrf).statusCode(401)
                .body("error", equalTo("CSRF double submit tokens do not match"));
        String renewed = refresh(refreshToken, csrf).statusCode(200).extract().path("access_token");
        JsonNode claims = claims(renewed);
        assertEquals(id, claims.get("identity").asLong());
        assertEquals(csrf, claims.get("csrf").asText());
        assertNotEquals(claims(login.get("access_token").asText()).get("jti").asText(), claims.get("jti").asText());
        // The frontend also sends the refresh token in the body.
        given().contentType("application/json").header("X-CSRF-Token", csrf)
                .body("{\"refresh_token\": \"" + refreshToken + "\"}")
                .when().post("/v1/auth/token/refresh").then().statusCode(200).body("access_token", notNullValue());
        String accessed = given().header("Authorization", bearer(renewed)).when().get("/v1/users/" + id)
                .then().statusCode(200).extract().path("data.attributes.last-accessed-at");
        assertTrue(OffsetDateTime.parse(accessed).isAfter(OffsetDateTime.now().minusMinutes(1)));
        // An access token is no refresh token, and a refresh token is no credential.
        refresh(renewed, csrf).statusCode(401).body("error", equalTo("Only refresh tokens are allowed"));
        given().header("Authorization", bearer(refreshToken)).when().get("/v1/users/" + id).then().statusCode(401)
                .body("errors[0].detail", equalTo("Only access tokens are allowed"));
        given().contentType("application/json").header("X-CSRF-Token", csrf).body("{}")
                .when().post("/v1/auth/token/refresh").then().statusCode(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        JsonNode first = loginAnswer(email, PASSWORD, true, true);
        JsonNode second = loginAnswer(email, PASSWORD, true, true);
        String firstRefresh = first.get("refresh_token").asText();
        given().contentType("application/json").header("Authorization", bearer(firstRefresh)).body("{}")
                .when().post("/v1/auth/logout").then().statusCode(200).body("success", equalTo(true));
        refresh(firstRefresh, claims(firstRefresh).get("csrf").asText()).statusCode(401)
                .body("error", equalTo("Token has been revoked"));
        // Logging out with the access token of a session ends that session, and only that one.
        String secondRefresh = second.get("refresh_token").asText();
        String csrf = claims(secondRefresh).get("csrf").asText();
        refresh(secondRefresh, csrf).statusCode(200);
        given().contentType("application/json").header("Authorization", bearer(second.get("access_token").asText()))
                .body("{}").when().post("/v1/auth/logout").then().statusCode(200);
        refresh(secondRefresh, csrf).statusCode(401);
        // Without any token logout still answers as the original did.
        given().contentType("application/json").body("{}").when().post("/v1/auth/logout").then().statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void freshLoginIssuesAShortFreshToken() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        JsonNode fresh = claims(Accounts.freshLogin(email, PASSWORD));
        assertTrue(fresh.get("fresh").asBoolean());
        assertEquals(15 * 60, fresh.get("exp").asLong() - fresh.get("iat").asLong());
        given().contentType("application/json").body("{\"email\": \"%s\", \"password\": \"wrong-password\"}"
                .formatted(email)).when().post("/v1/auth/fresh-login").then().statusCode(401)
                .body("error", equalTo("Invalid Credentials"));
    }

    @Test
    void blockedAccountsCannotLogInAndFailedLoginsAreLimitedPerAddress() {
        String email = uniqueEmail();
        long id = signUp(email);
        given().contentType(Accounts.JSONAPI).header("Authorization", bearer(Accounts.rootToken()))
                .body(UserResourceTests.patchBody(id, "\"is-blocked\": true"))
                .when().patch("/v1/users/" + id).then().statusCode(200).body("data.attributes.is-blocked", equalTo(true));
        given().contentType("application/json").body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD))
                .when().post("/auth/session").then().statusCode(401)
                .body("error", equalTo("Admin has marked this account as spam"));

        String target = uniqueEmail();
        signUp(target);
        for (int attempt = 1; attempt <= 10; attempt++) {
            given().contentType("application/json").body("{\"email\": \"%s\", \"password\": \"guess-%d\"}"
                    .formatted(target, attempt)).when().post("/v1/auth/login").then().statusCode(401);
        }
        // The eleventh attempt is refused before any password check, even with the right password.
        given().contentType("application/json").body("{\"email\": \"%s\", \"password\": \"%s\"}"
                .formatted(target, PASSWORD)).when().post("/v1/auth/login").then().statusCode(429);
        // Other addresses are not affected.
        Accounts.login(Accounts.ROOT_EMAIL, Accounts.ROOT_PASSWORD);
    }
}
