package org.openevent.user.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.user.rest.Accounts.PASSWORD;
import static org.openevent.user.rest.Accounts.bearer;
import static org.openevent.user.rest.Accounts.claims;
import static org.openevent.user.rest.Accounts.login;
import static org.openevent.user.rest.Accounts.signUp;
import static org.openevent.user.rest.Accounts.uniqueEmail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Login over both URLs, its error bodies and the claims of the issued tokens. */
@QuarkusTest
class AuthResourceTests {

    static String post(String path, String body, int status) {
        return given().contentType("application/json").body(body)
                .when().post(path)
                .then().statusCode(status)
                .contentType(startsWith("application/json"))
                .extract().asString();
    }

    @Test
    void logsInThroughBothUrlsWithEmailOrUsername() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        for (String path : List.of("/auth/session", "/v1/auth/login")) {
            for (String field : List.of("email", "username")) {
                given().contentType("application/json")
                        .body("{\"%s\": \"%s\", \"password\": \"%s\"}".formatted(field, email, PASSWORD))
                        .when().post(path)
                        .then().statusCode(200)
                        .body("$", aMapWithSize(1))
                        .body("access_token", startsWith("ey"));
            }
        }
        // Addresses compare case-insensitively and surrounding blanks are ignored.
        String token = login("  " + email.toUpperCase() + " ", PASSWORD);
        assertEquals(id, claims(token).get("identity").asLong());
    }

    @Test
    void wrongCredentialsAnswerTheOriginalErrorBody() {
        String email = uniqueEmail();
        signUp(email);
        String wrongPassword = post("/auth/session",
                "{\"email\": \"%s\", \"password\": \"not-the-password\"}".formatted(email), 401);
        assertEquals("{\"error\":\"Invalid Credentials\"}", wrongPassword);
        String unknownEmail = post("/v1/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(uniqueEmail(), PASSWORD), 401);
        assertEquals("{\"error\":\"Invalid Credentials\"}", unknownEmail);
    }

    @Test
    void missingFieldsAnswer400() {
        List<String> bodies = new ArrayList<>(List.of(
                "{\"email\": \"someone@example.org\"}",
                "{\"password\": \"whatever-password\"}",
                "{\"username\": \"\", \"password\": \"whatever-password\"}",
                "{\"email\": \"someone@example.org\", \"password\": 12345678}",
                "{}", "[]", ""));
        for (String body : bodies) {
            assertEquals("{\"error\":\"username or password missing\"}", post("/auth/session", body, 400), body);
            assertEquals("{\"error\":\"username or password missing\"}", post("/v1/auth/login", body, 400), body);
        }
        given().contentType("application/json").body("{\"email\": ").when().post("/auth/session")
                .then().statusCode(400).body("error", equalTo("The request body is not valid JSON."));
    }

    @Test
    void tokenCarriesTheClaimsTheFrontendAndServicesRead() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        String token = login(email, PASSWORD);

        assertEquals("RS256", Accounts.header(token).get("alg").asText());
        JsonNode claims = claims(token);
        assertTrue(claims.get("identity").isIntegralNumber(), "identity must be a JSON number");
        assertEquals(id, claims.get("identity").asLong());
        assertEquals(String.valueOf(id), claims.get("sub").asText());
        long iat = claims.get("iat").asLong();
        long exp = claims.get("exp").asLong();
        assertTrue(exp > iat);
        assertEquals(24 * 3600, exp - iat);
        assertTrue(Math.abs(iat - System.currentTimeMillis() / 1000) < 300);
        assertFalse(claims.get("jti").asText().isBlank());
        assertEquals("https://openevent.local", claims.get("iss").asText());
        assertEquals(1, claims.get("groups").size());
        assertEquals("user", claims.get("groups").get(0).asText());
        assertFalse(claims.toString().contains(email), "no e-mail in the token");

        String second = login(email, PASSWORD);
        assertFalse(claims(second).get("jti").asText().equals(claims.get("jti").asText()), "jti is unique");
    }

    @Test
    void issuedTokenIsAcceptedByTheUserResource() {
        String email = uniqueEmail();
        long id = signUp(email);
        String token = login(email, PASSWORD);
        given().header("Authorization", bearer(token))
                .when().get("/v1/users/" + id)
                .then().statusCode(200)
                .body("data.id", equalTo(String.valueOf(id)))
                .body("data.attributes.email", equalTo(email));
        given().header("Authorization", "Bearer " + token)
                .when().get("/v1/users/" + id)
                .then().statusCode(200);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", bearer(tampered))
                .when().get("/v1/users/" + id)
                .then().statusCode(401);
    }
}
