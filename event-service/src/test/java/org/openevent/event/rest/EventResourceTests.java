package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;

/** The event resource over HTTP, against real PostgreSQL and Kafka. */
@QuarkusTest
class EventResourceTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final long OWNER = 101;
    static final long STRANGER = 202;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String eventBody(String name, String state) {
        return """
                {"data": {"type": "event", "attributes": {
                  "name": "%s", "starts-at": "2027-03-01T09:00:00+01:00", "ends-at": "2027-03-02T18:00:00+01:00",
                  "timezone": "Europe/Berlin", "location-name": "Berlin", "latitude": 52.52, "longitude": 13.40,
                  "state": "%s"}}}""".formatted(name, state);
    }

    static String create(long user, String name, String state) {
        return given().contentType(JSONAPI).header("Authorization", "JWT " + TestTokens.user(user))
                .body(eventBody(name, state))
                .when().post("/v1/events")
                .then().statusCode(201)
                .header("Location", matchesPattern("/v1/events/\\d+"))
                .body("data.type", equalTo("event"))
                .body("data.attributes.identifier", matchesPattern("[0-9a-f]{8}"))
                .body("data.attributes.state", equalTo(state))
                .body("jsonapi.version", equalTo("1.0"))
                .extract().path("data.id");
    }

    @Test
    void aPublishedEventLinksItsLiveFeedsOnTheApiBaseUrlAndADraftLinksNone() {
        String published = create(OWNER, "Feeds " + java.util.UUID.randomUUID(), "published");
        String identifier = given().when().get("/v1/events/" + published).then().statusCode(200)
                .body("data.attributes.ical-url", matchesPattern("https?://[^/]+/v1/events/[0-9a-f]{8}\\.ics"))
                .body("data.attributes.xcal-url", matchesPattern("https?://[^/]+/v1/events/[0-9a-f]{8}\\.xcs"))
                .body("data.attributes.pentabarf-url", matchesPattern("https?://[^/]+/v1/events/[0-9a-f]{8}\\.xml"))
                .extract().path("data.attributes.identifier");
        given().when().get("/v1/events/" + published).then()
                .body("data.attributes.ical-url", org.hamcrest.Matchers.endsWith("/v1/events/" + identifier + ".ics"));
        String draft = create(OWNER, "Draft feeds " + java.util.UUID.randomUUID(), "draft");
        given().header("Authorization", "JWT " + TestTokens.user(OWNER)).when().get("/v1/events/" + draft)
                .then().statusCode(200)
                .body("data.attributes.ical-url", org.hamcrest.Matchers.nullValue())
                .body("data.attributes", org.hamcrest.Matchers.hasKey("pentabarf-url"));
    }

    @Test
    void createdEventIsOwnedByItsCreatorAndPublishedToKafka() throws Exception {
        String name = "Kafka Conf " + java.util.UUID.randomUUID();
        String id = create(OWNER, name, "draft");
        // Ids restart with every test database, so the record is recognized by its unique name too.
        ConsumerRecord<String, String> record = KafkaProbe.await(bootstrap, Topics.EVENTS,
                r -> r.key().equals(id) && r.value().contains(name), Duration.ofSeconds(30));
        JsonNode envelope = new ObjectMapper().readTree(record.value());
        assertEquals("event.upserted", envelope.get("type").asText());
        assertEquals(1, envelope.get("aggregateVersion").asLong());
        JsonNode roles = envelope.get("payload").get("roles");
        assertEquals(OWNER, roles.get(0).get("userId").asLong());
        assertEquals("owner", roles.get(0).get("role").asText());
        assertTrue(envelope.get("messageId").asText().length() > 10);
    }

    @Test
    void draftsAreHiddenFromStrangersAndAnonymousCallers() {
        String id = create(OWNER, "Secret Draft", "draft");
        given().when().get("/v1/events/" + id).then().statusCode(404).body("errors[0].status", equalTo("404"));
        given().header("Authorization", "Bearer " + TestTokens.user(STRANGER))
                .when().get("/v1/events/" + id).then().statusCode(404);
        given().header("Authorization", "JWT " + TestTokens.user(OWNER))
                .when().get("/v1/events/" + id).then().statusCode(200).body("data.id", equalTo(id));
        given().header("Authorization", "JWT " + TestTokens.admin(1))
                .when().get("/v1/events/" + id).then().statusCode(200);
    }

    @Test
    void eventsAreAddressableByIdentifier() {
        String id = create(OWNER, "Public One", "published");
        String identifier = given().when().get("/v1/events/" + id).then().statusCode(200)
                .extract().path("data.attributes.identifier");
        given().when().get("/v1/events/" + identifier).then().statusCode(200).body("data.id", equalTo(id))
                .body("data.links.self", equalTo("/v1/events/" + id))
                .body("data.relationships.sessions.links.related", equalTo("/v1/events/" + id + "/sessions"));
    }

    @Test
    void onlyOrganizersMayPublish() {
        String id = create(OWNER, "To Publish", "draft");
        String patch = """
                {"data": {"type": "event", "id": "%s", "attributes": {"state": "published"}}}""".formatted(id);
        // A draft does not exist for strangers: the same 404 as for an unknown event, never a revealing 403.
        given().contentType(JSONAPI).header("Authorization", "JWT " + TestTokens.user(STRANGER)).body(patch)
                .when().patch("/v1/events/" + id).then().statusCode(404);
        given().contentType(JSONAPI).body(patch).when().patch("/v1/events/" + id).then().statusCode(401);
        given().contentType(JSONAPI).header("Authorization", "JWT " + TestTokens.user(OWNER)).body(patch)
                .when().patch("/v1/events/" + id).then().statusCode(200)
                .body("data.attributes.state", equalTo("published"))
                .body("data.attributes.name", equalTo("To Publish"));
        given().when().get("/v1/events/" + id).then().statusCode(200);
    }

    @Test
    void invalidInputAnswersJsonApiErrors() {
        String token = "JWT " + TestTokens.user(OWNER);
        given().contentType(JSONAPI).header("Authorization", token)
                .body("{\"data\": {\"type\": \"event\", \"attributes\": {\"starts-at\": \"2027-03-01T09:00:00Z\","
                        + " \"ends-at\": \"2027-03-02T09:00:00Z\", \"timezone\": \"UTC\"}}}")
                .when().post("/v1/events").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/name"))
                .body("errors[0].detail", equalTo("Missing data for required field."));
        given().contentType(JSONAPI).header("Authorization", token).body("{\"data\": ")
                .when().post("/v1/events").then().statusCode(400).body("errors[0].status", equalTo("400"));
        given().contentType(JSONAPI).header("Authorization", token)
                .body(eventBody("Bad zone", "draft").replace("Europe/Berlin", "Mars/Olympus"))
                .when().post("/v1/events").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/timezone"));
        given().contentType(JSONAPI).header("Authorization", token)
                .body(eventBody("Bad state", "launched"))
                .when().post("/v1/events").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/state"));
        given().contentType(JSONAPI).header("Authorization", token)
                .body(eventBody("Wrong type", "draft").replace("\"type\": \"event\"", "\"type\": \"session\""))
                .when().post("/v1/events").then().statusCode(409);
        given().contentType(JSONAPI).header("Authorization", token)
                .body(eventBody("x", "draft").replace("52.52", "\"north\""))
                .when().post("/v1/events").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/latitude"));
        given().contentType(JSONAPI).header("Authorization", "JWT not-a-token").body(eventBody("x", "draft"))
                .when().post("/v1/events").then().statusCode(401);
        given().contentType(JSONAPI).header("Authorization", "JWT " + TestTokens.expired(OWNER)).body(eventBody("x", "draft"))
                .when().post("/v1/events").then().statusCode(401);
        given().when().get("/v1/events?page[size]=abc").then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("page[size]"));
    }

    @Test
    void listShowsPublishedEventsWithCount() {
        create(OWNER, "Listed", "published");
        given().when().get("/v1/events?page[size]=5").then().statusCode(200)
                .body("meta.count", notNullValue())
                .body("data.findAll { it.attributes.state != 'published' }.size()", equalTo(0));
    }
}
