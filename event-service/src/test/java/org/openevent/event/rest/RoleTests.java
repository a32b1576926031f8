package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.event.rest.Fixtures.doc;
import static org.openevent.event.rest.Fixtures.rel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.event.rest.Fixtures.Matrix;
import org.openevent.event.rest.Fixtures.Who;

/** Role grants (users-events-roles) and invitations: who sees and changes them, and accepting with the mail's token. */
@QuarkusTest
class RoleTests {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String invite(Matrix m, Who who, String email, String role) {
        return m.as(who).body(doc("role-invite", null, "\"email\": \"" + email + "\", \"role-name\": \"" + role + "\"",
                rel("event", "event", m.eventId()))).when().post("/v1/role-invites").then().statusCode(201)
                .body("data.attributes", not(hasKey("hash")))
                .body("data.attributes.status", equalTo("pending"))
                .extract().path("data.id");
    }

    /** The token of the invitation mail queued for {@code email} (what user-service would deliver). */
    String mailedToken(String email) throws Exception {
        ConsumerRecord<String, String> mail = KafkaProbe.await(bootstrap, Topics.MAILS,
                r -> r.value().contains("\"to\":\"" + email + "\""), Duration.ofSeconds(30));
        JsonNode envelope = JSON.readTree(mail.value());
        assertEquals("mail.requested", envelope.get("type").asText());
        assertEquals("role-invite", envelope.at("/payload/kind").asText());
        Matcher token = TOKEN.matcher(envelope.at("/payload/text").asText());
        assertTrue(token.find(), envelope.toString());
        return token.group(1);
    }

    static io.restassured.response.ValidatableResponse accept(long user, String token) {
        return Fixtures.as(user, false).contentType("application/json")
                .body("{\"data\": {\"token\": \"" + token + "\"}}")
                .when().post("/v1/role_invites/accept-invite").then();
    }

    @Test
    void grantsAreForCoorganizersAndTheOwnerStays() {
        Matrix m = Fixtures.matrix("Granted Conf", "published");
        String path = "/v1/events/" + m.eventId() + "/users-events-roles";
        for (Who who : List.of(Who.ANONYMOUS, Who.USER, Who.OTHER_ORGANIZER)) {
            m.as(who).when().get(path).then().statusCode(200).body("data", hasSize(0));
        }
        for (Who who : List.of(Who.COORGANIZER, Who.ORGANIZER, Who.OWNER, Who.ADMIN)) {
            m.as(who).queryParam("include", "role,user").when().get(path).then().statusCode(200)
                    .body("data", hasSize(3))
                    .body("data[0].type", equalTo("users-events-roles"))
                    .body("data[0].relationships.role.data.id", equalTo("1"))
                    .body("included.find { it.type == 'role' && it.id == '1' }.attributes.name", equalTo("owner"))
                    .body("included.findAll { it.type == 'user' }", hasSize(3));
        }
        List<String> ids = m.as(Who.OWNER).when().get(path).then().extract().path("data.id");
        String owner = ids.get(0);
        String coorganizer = ids.get(2);
        m.as(Who.USER).when().get("/v1/users-events-roles/" + coorganizer).then().statusCode(404);
        m.as(Who.COORGANIZER).when().get("/v1/users-events-roles/" + coorganizer + "/role").then().statusCode(200)
                .body("data.attributes.name", equalTo("coorganizer"));
        m.as(Who.ORGANIZER).when().delete("/v1/users-events-roles/" + owner).then().statusCode(403)
                .body("errors[0].detail", equalTo("You cannot remove the owner of the event."));
        m.as(Who.USER).when().delete("/v1/users-events-roles/" + coorganizer).then().statusCode(404);
        m.as(Who.OTHER_ORGANIZER).when().delete("/v1/users-events-roles/" + coorganizer).then().statusCode(404);
        m.as(Who.OWNER).body(doc("users-events-roles", null, "", rel("event", "event", m.eventId())))
                .when().post("/v1/users-events-roles").then().statusCode(403);
        m.as(Who.ORGANIZER).when().delete("/v1/users-events-roles/" + coorganizer).then().statusCode(200);
        // The former co-organizer lost access at once, and the other services hear of it.
        m.as(Who.COORGANIZER).body(doc("event", m.eventId(), "\"name\": \"Hijacked\"", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(403);
        long former = m.users().get(Who.COORGANIZER);
        KafkaProbe.await(bootstrap, Topics.EVENTS, r -> r.key().equals(m.eventId())
                && r.value().contains("Granted Conf") && !r.value().contains("\"userId\":" + former + ",")
                && r.value().contains("\"aggregateVersion\":2"), Duration.ofSeconds(30));
    }

    @Test
    void anInviteeAcceptsWithTheMailedTokenAndIsACoorganizerAtOnce() throws Exception {
        Matrix m = Fixtures.matrix("Invited Conf", "draft");
        long invitee = Fixtures.newUser();
        String email = "invitee-" + UUID.randomUUID() + "@example.org";
        UserServiceStub.CONTACTS.put(invitee, email.toUpperCase());
        Fixtures.as(invitee, false).when().get("/v1/events/" + m.eventId()).then().statusCode(404);

        String body = doc("role-invite", null, "\"email\": \"" + email + "\", \"role-name\": \"coorganizer\"",
                rel("event", "event", m.eventId()));
        m.as(Who.ANONYMOUS).body(body).when().post("/v1/role-invites").then().statusCode(401);
        m.as(Who.USER).body(body).when().post("/v1/role-invites").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        m.as(Who.COORGANIZER).body(body).when().post("/v1/role-invites").then().statusCode(403);
        String id = invite(m, Who.ORGANIZER, email, "coorganizer");
        m.as(Who.OWNER).body(body).when().post("/v1/role-invites").then().statusCode(409);
        m.as(Who.ORGANIZER).when().get("/v1/events/" + m.eventId() + "/role-invites").then().statusCode(200)
                .body("data.id", equalTo(List.of(id)));
        m.as(Who.COORGANIZER).when().get("/v1/events/" + m.eventId() + "/role-invites").then().statusCode(200)
                .body("data", hasSize(0));
        m.as(Who.COORGANIZER).when().get("/v1/role-invites/" + id).then().statusCode(404);
        m.as(Who.USER).when().get("/v1/role-invites/" + id).then().statusCode(404);

        String token = mailedToken(email);
        accept(Fixtures.newUser(), token).statusCode(anyOf(404, 403));
        accept(invitee, "not-the-token-at-all-x").statusCode(404);
        given().contentType("application/json").body("{\"data\": {\"token\": \"" + token + "\"}}")
                .when().post("/v1/role_invites/accept-invite").then().statusCode(401);
        given().contentType("application/json").body("{\"data\": {\"token\": \"" + token + "\"}}")
                .when().post("/v1/role_invites/user").then().statusCode(200).body("email", equalTo(email));

        accept(invitee, token).statusCode(200)
                .body("event", equalTo(Integer.parseInt(m.eventId())))
                .body("role", equalTo("coorganizer"))
                .body("email", equalTo(email.toUpperCase()));
        accept(invitee, token).statusCode(200);
        Fixtures.as(invitee, false).body(doc("event", m.eventId(), "\"name\": \"Invited Conf 2\"", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        m.as(Who.OWNER).when().get("/v1/role-invites/" + id).then().statusCode(200)
                .body("data.attributes.status", equalTo("accepted"));
        m.as(Who.OWNER).when().delete("/v1/role-invites/" + id).then().statusCode(409);
        KafkaProbe.await(bootstrap, Topics.EVENTS, r -> r.key().equals(m.eventId())
                && r.value().contains("{\"userId\":" + invitee + ",\"role\":\"coorganizer\"}"), Duration.ofSeconds(30));
    }

    @Test
    void expiredInvitesAndAnUnreachableUserServiceGrantNothing() throws Exception {
        Matrix m = Fixtures.matrix("Expiring Conf", "published");
        long invitee = Fixtures.newUser();
        String email = "late-" + UUID.randomUUID() + "@example.org";
        UserServiceStub.CONTACTS.put(invitee, email);
        String id = invite(m, Who.OWNER, email, "organizer");
        String token = mailedToken(email);
        UserServiceStub.down = true;
        try {
            accept(invitee, token).statusCode(503);
        } finally {
            UserServiceStub.down = false;
        }
        UserServiceStub.slow = true;
        try {
            long started = System.nanoTime();
            accept(invitee, token).statusCode(503);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 4_500, "the contact call is bounded, took " + millis + " ms");
        } finally {
            UserServiceStub.slow = false;
        }
        Fixtures.sql("update role_invite set expires_at = now() - interval '1 minute' where id = ?", Long.parseLong(id));
        accept(invitee, token).statusCode(403);
        m.as(Who.OWNER).when().get("/v1/events/" + m.eventId() + "/users-events-roles").then()
                .body("data", hasSize(3));
        // An expired invitation does not block a new one for the same address.
        invite(m, Who.OWNER, email, "organizer");
    }

    @Test
    void onlyTheOwnerHandsOnOwnershipAndTheFormerOwnerStaysAnOrganizer() throws Exception {
        Matrix m = Fixtures.matrix("Handed Conf", "published");
        long heir = Fixtures.newUser();
        String email = "heir-" + UUID.randomUUID() + "@example.org";
        UserServiceStub.CONTACTS.put(heir, email);
        String body = doc("role-invite", null, "\"email\": \"" + email + "\", \"role-name\": \"owner\"",
                rel("event", "event", m.eventId()));
        m.as(Who.ORGANIZER).body(body).when().post("/v1/role-invites").then().statusCode(403);
        m.as(Who.OWNER).body(doc("role-invite", null, "\"email\": \"" + email + "\", \"role-name\": \"owner\"",
                rel("event", "event", m.eventId()) + ", " + rel("role", "role", "2"))).when().post("/v1/role-invites")
                .then().statusCode(422).body("errors[0].source.pointer", equalTo("/data/attributes/role-name"));
        invite(m, Who.OWNER, email, "owner");
        accept(heir, mailedToken(email)).statusCode(200).body("role", equalTo("owner"));
        m.as(Who.OWNER).queryParam("include", "owner,organizers").when().get("/v1/events/" + m.eventId()).then()
                .statusCode(200)
                .body("data.relationships.owner.data.id", equalTo(String.valueOf(heir)))
                .body("data.relationships.organizers.data.id", org.hamcrest.Matchers.hasItem(
                        String.valueOf(m.users().get(Who.OWNER))));
    }

    private static org.hamcrest.Matcher<Integer> anyOf(int a, int b) {
        return org.hamcrest.Matchers.anyOf(equalTo(a), equalTo(b));
    }
}
