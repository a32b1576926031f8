package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.Maildir;

/**
 * An account's life through the gateway: sign up, read the verification mail from the platform's mail server
 * ({@code .data/mail}), verify, log in with remember-me, refresh, change the password, and see event-service refuse
 * the old token within 2 s while the new one works there at once.
 */
class AccountsEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
    }

    static Maildir mailbox() {
        return new Maildir(Path.of(System.getProperty("e2e.mail.dir", "../.data/mail")));
    }

    static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static int myEvents(String token) {
        return given().header("Authorization", "JWT " + token).when().get("/v1/events?withRole=true")
                .then().extract().statusCode();
    }

    @Test
    void signUpVerifyRememberRefreshChangePasswordAndTheOldTokenIsRefusedEverywhere() throws Exception {
        String email = "e2e-account-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery";
        String id = given().contentType(JSONAPI).body(Map.of("data", Map.of("type", "user", "attributes",
                        Map.of("email", email, "password", password, "was-registered-with-order", false))))
                .when().post("/v1/users").then().statusCode(201).extract().path("data.id");

        Maildir.Message verification = mailbox().await(email, m -> m.subject().startsWith("Account verification"),
                MAIL_WAIT);
        String link = verification.token();
        assertNotNull(link, verification.text());
        given().contentType("application/json").body(Map.of("data", Map.of("token", link)))
                .when().post("/v1/auth/verify-email").then().statusCode(200).body("message", equalTo("Email Verified"));

        JsonNode login = new ObjectMapper().readTree(given().contentType("application/json")
                .body(Map.of("username", email, "password", password, "remember-me", true, "include-in-response", true))
                .when().post("/auth/session").then().statusCode(200).extract().asString());
        String access = login.get("access_token").asText();
        String refreshToken = login.get("refresh_token").asText();
        String csrf = claims(access).get("csrf").asText();
        given().header("Authorization", "JWT " + access).when().get("/v1/users/" + id).then().statusCode(200)
                .body("data.attributes.is-verified", equalTo(true)).body("data.attributes.email", equalTo(email));

        String refreshed = given().contentType("application/json").header("Authorization", "JWT " + refreshToken)
                .header("X-CSRF-Token", csrf).body(Map.of("refresh_token", refreshToken))
                .when().post("/v1/auth/token/refresh").then().statusCode(200).extract().path("access_token");
        // Tokens of a user event-service has never heard of work there at once (it asks user-service).
        assertTrue(myEvents(refreshed) == 200, "a fresh sign-up's token works at event-service");
        assertTrue(myEvents(access) == 200);

        long changedAt = System.nanoTime();
        String afterChange = given().contentType("application/json").header("Authorization", "JWT " + refreshed)
                .body(Map.of("data", Map.of("old-password", password, "new-password", "an even longer secret")))
                .when().post("/v1/auth/change-password").then().statusCode(200)
                .body("password-changed", equalTo(true)).extract().path("access_token");
        while (myEvents(refreshed) != 401) {
            assertTrue(System.nanoTime() - changedAt < Duration.ofSeconds(2).toNanos(),
                    "event-service still accepts the old token 2 s after the password change");
            Thread.sleep(10);
        }
        long refusedAfter = (System.nanoTime() - changedAt) / 1_000_000;
        assertTrue(myEvents(access) == 401, "every older token is refused");
        assertTrue(myEvents(afterChange) == 200, "the token handed out with the change works at once");
        given().contentType("application/json").header("Authorization", "JWT " + refreshToken)
                .header("X-CSRF-Token", csrf).body("{}")
                .when().post("/v1/auth/token/refresh").then().statusCode(401);
        given().contentType("application/json").body(Map.of("email", email, "password", password))
                .when().post("/auth/session").then().statusCode(401);
        mailbox().await(email, m -> m.subject().startsWith("Your password was changed"), MAIL_WAIT);
        System.out.printf("event-service refused the old token %d ms after the password change was answered%n",
                refusedAfter);
    }
}
