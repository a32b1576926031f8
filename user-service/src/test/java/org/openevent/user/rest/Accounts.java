package org.openevent.user.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.UUID;

/** Test helpers: sign up and log in over HTTP, read a token's claims. */
final class Accounts {

    static final String JSONAPI = "application/vnd.api+json";
    static final String PASSWORD = "correct-horse-battery";

    private Accounts() {
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    static String signUpBody(String email, String password) {
        return """
                {"data": {"type": "user", "attributes": {"email": "%s", "password": "%s",
                  "first-name": "Ada", "last-name": "Lovelace", "was-registered-with-order": false}}}"""
                .formatted(email, password);
    }

    /** Signs up a new account and returns its id. */
    static long signUp(String email) {
        String id = given().contentType(JSONAPI).body(signUpBody(email, PASSWORD))
                .when().post("/v1/users")
                .then().statusCode(201)
                .extract().path("data.id");
        EMAILS.put(Long.parseLong(id), email);
        return Long.parseLong(id);
    }

    /** Logs in through the frontend's URL and returns the access token. */
    static String login(String email, String password) {
        return given().contentType("application/json")
                .body("{\"username\": \"%s\", \"password\": \"%s\", \"remember-me\": false}".formatted(email, password))
                .when().post("/auth/session")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The bootstrap super admin's e-mail address and password (test profile). */
    static final String ROOT_EMAIL = "root@openevent.test";
    static final String ROOT_PASSWORD = "bootstrap-secret-42";

    /** A real token of the bootstrap super admin. */
    static String rootToken() {
        return login(ROOT_EMAIL, ROOT_PASSWORD);
    }

    private static final java.util.Map<Long, String> EMAILS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Signs up a new account and returns its address. */
    static String uniqueSignedUp() {
        String email = uniqueEmail();
        signUp(email);
        return email;
    }

    /** A token of an account signed up by {@link #signUp} in this run. */
    static String loginById(long id) {
        return login(EMAILS.get(id), PASSWORD);
    }

    /** Logs in with the given flags and returns the whole answer. */
    static JsonNode loginAnswer(String email, String password, boolean remember, boolean include) throws Exception {
        String body = given().contentType("application/json")
                .body("{\"username\": \"%s\", \"password\": \"%s\", \"remember-me\": %s, \"include-in-response\": %s}"
                        .formatted(email, password, remember, include))
                .when().post("/auth/session")
                .then().statusCode(200)
                .extract().asString();
        return new ObjectMapper().readTree(body);
    }

    /** A fresh token (password just checked), as changing the e-mail address needs. */
    static String freshLogin(String email, String password) {
        return given().contentType("application/json")
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password))
                .when().post("/v1/auth/fresh-login")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    static String bearer(String token) {
        return "JWT " + token;
    }

    /** The decoded payload of a JWT (signature not checked here; the services check it). */
    static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("Not a three-part JWT: " + token);
        }
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    static JsonNode header(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }
}
