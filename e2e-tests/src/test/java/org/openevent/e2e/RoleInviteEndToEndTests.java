package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Role grants are read-your-writes across services: an owner invites a co-organizer by e-mail, the invitee takes
 * the secret link from the mail the platform actually delivered (the local mail server's Maildir), accepts it with
 * their own account, and at once creates a track in session-service and requests an export from export-service,
 * both of which learn the grant from event snapshots (or ask event-service before denying anything).
 */
class RoleInviteEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final File MAILDIR = new File(new File(System.getProperty("user.dir")).getParentFile(), ".data/mail/new");
    static final Pattern TOKEN = Pattern.compile("role-invites\\?token=([A-Za-z0-9_-]{20,})");
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
    }

    @Test
    void anInvitedCoorganizerWorksInEveryServiceAtOnce() throws Exception {
        String owner = signUpAndLogIn("owner");
        String inviteeEmail = "invitee-" + UUID.randomUUID() + "@example.org";
        String invitee = signUpAndLogIn(inviteeEmail);

        String eventId = as(owner).body("""
                {"data": {"type": "event", "attributes": {"name": "Invite Conf", "timezone": "Europe/Berlin",
                 "starts-at": "2027-10-01T09:00:00+02:00", "ends-at": "2027-10-02T18:00:00+02:00",
                 "location-name": "Berlin"}}}""")
                .when().post("/v1/events").then().statusCode(201).extract().path("data.id");
        // A draft: nobody without a role on it may even see it, in any service.
        as(invitee).when().get("/v1/events/" + eventId).then().statusCode(404);

        as(owner).body("{\"data\": {\"type\": \"role-invite\", \"attributes\": {\"email\": \"" + inviteeEmail
                        + "\", \"role-name\": \"coorganizer\"}, \"relationships\": {\"event\": {\"data\":"
                        + " {\"type\": \"event\", \"id\": \"" + eventId + "\"}}}}}")
                .when().post("/v1/role-invites").then().statusCode(201)
                .body("data.attributes.status", equalTo("pending"));

        String token = mailedToken(inviteeEmail, Duration.ofSeconds(60));
        given().contentType("application/json").header("Authorization", "JWT " + owner)
                .body("{\"data\": {\"token\": \"" + token + "\"}}")
                .when().post("/v1/role_invites/accept-invite").then().statusCode(403);
        given().contentType("application/json").header("Authorization", "JWT " + invitee)
                .body("{\"data\": {\"token\": \"" + token + "\"}}")
                .when().post("/v1/role_invites/accept-invite").then().statusCode(200)
                .body("role", equalTo("coorganizer"))
                .body("event", equalTo(Integer.parseInt(eventId)));

        // No waiting: the new co-organizer writes to session-service and asks export-service right away.
        as(invitee).body("{\"data\": {\"type\": \"track\", \"attributes\": {\"name\": \"Invited track\","
                        + " \"color\": \"#00aa88\"}, \"relationships\": {\"event\": {\"data\": {\"type\": \"event\","
                        + " \"id\": \"" + eventId + "\"}}}}}")
                .when().post("/v1/tracks").then().statusCode(201)
                .body("data.attributes.name", equalTo("Invited track"));
        String taskUrl = as(invitee).when().get("/v1/events/" + eventId + "/export/ical").then().statusCode(200)
                .body("task_url", startsWith("/v1/tasks/")).extract().path("task_url");
        assertEquals("SUCCESS", awaitTask(invitee, taskUrl));
        as(invitee).when().get("/v1/events/" + eventId).then().statusCode(200);
        as(owner).when().get("/v1/events/" + eventId + "/users-events-roles").then().statusCode(200)
                .body("data.size()", equalTo(2));
    }

    /** The invitation link of the newest delivered mail to {@code email}. */
    static String mailedToken(String email, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            File[] messages = MAILDIR.listFiles();
            if (messages != null) {
                for (File message : messages) {
                    String text = decoded(Files.readString(message.toPath(), StandardCharsets.ISO_8859_1));
                    if (text.toLowerCase().contains(email.toLowerCase())) {
                        Matcher token = TOKEN.matcher(text);
                        if (token.find()) {
                            return token.group(1);
                        }
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No invitation mail to " + email + " arrived in " + MAILDIR + " within " + timeout);
    }

    /** The message with its quoted-printable soft breaks undone and its base64 parts decoded as well. */
    static String decoded(String raw) {
        StringBuilder text = new StringBuilder(raw.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="));
        Matcher blocks = Pattern.compile("(?m)^([A-Za-z0-9+/=]{20,}\\r?\\n)+").matcher(raw);
        while (blocks.find()) {
            try {
                text.append('\n').append(new String(Base64.getMimeDecoder().decode(blocks.group()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // a line that only looks like base64
            }
        }
        return text.toString();
    }

    static String awaitTask(String token, String taskUrl) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Response task = given().header("Authorization", "JWT " + token).when().get(taskUrl);
            String state = task.path("state");
            if (!"WAITING".equals(state)) {
                return state;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Task " + taskUrl + " did not finish in time");
    }

    static String signUpAndLogIn(String emailOrPrefix) throws IOException {
        String email = emailOrPrefix.contains("@") ? emailOrPrefix : emailOrPrefix + "-" + UUID.randomUUID()
                + "@example.org";
        given().contentType(JSONAPI).body(Map.of("data", Map.of("type", "user", "attributes",
                        Map.of("email", email, "password", "correct horse battery"))))
                .when().post("/v1/users").then().statusCode(201);
        String token = given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct horse battery"))
                .when().post("/auth/session").then().statusCode(200).extract().path("access_token");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        if (!claims.has("identity")) {
            fail("The token carries no identity: " + claims);
        }
        return token;
    }

    static RequestSpecification as(String token) {
        return given().contentType(JSONAPI).accept(JSONAPI).header("Authorization", "JWT " + token);
    }
}
