package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schedule through the gateway, as the Open Event Frontend uses it: an organizer builds a programme (tracks,
 * rooms with streams, speakers, sessions, exhibitors), a user proposes, stars and rates sessions; then every link the
 * schedule's documents advertise is followed, and the pages' requests are replayed with the app's headers.
 */
class ScheduleEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
    }

    @Test
    void theScheduleAnswersEveryLinkAndEveryPageRequest() throws Exception {
        Person owner = Person.signUp();
        Person user = Person.signUp();
        String eventId = as(owner).body("""
                {"data": {"type": "event", "attributes": {"name": "Schedule E2E", "timezone": "Europe/Berlin",
                 "starts-at": "2027-10-01T09:00:00+02:00", "ends-at": "2027-10-02T18:00:00+02:00",
                 "is-sessions-speakers-enabled": true}}}""")
                .post("/v1/events").then().statusCode(201).extract().path("data.id");
        String identifier = as(owner).get("/v1/events/" + eventId).then().statusCode(200)
                .extract().path("data.attributes.identifier");
        as(owner).body("{\"data\": {\"type\": \"event\", \"id\": \"" + eventId
                + "\", \"attributes\": {\"state\": \"published\"}}}").patch("/v1/events/" + identifier)
                .then().statusCode(200);
        // Read-your-writes: session-service learns the event from its owner on first use.
        String track = create(owner, "tracks", eventId, "{\"name\": \"Web\", \"color\": \"#336699\"}", "");
        String room = create(owner, "microlocations", eventId, "{\"name\": \"Hall A\", \"position\": 1}", "");
        String stream = as(owner).body("{\"data\": {\"type\": \"video-stream\", \"attributes\": {\"name\": \"Hall\","
                        + " \"url\": \"https://stream.example.org/hall\", \"password\": \"s3cret\"}, \"relationships\": "
                        + "{\"rooms\": {\"data\": [{\"type\": \"microlocation\", \"id\": \"" + room + "\"}]}}}}")
                .post("/v1/video-streams").then().statusCode(201).extract().path("data.id");
        String type = create(owner, "session-types", eventId, "{\"name\": \"Talk\", \"length\": \"00:30\"}", "");
        String speaker = create(owner, "speakers", eventId, "{\"name\": \"Ada\", \"email\": \"ada-" + UUID.randomUUID()
                + "@example.org\", \"is-featured\": true}", "");
        String keynote = create(owner, "sessions", eventId, "{\"title\": \"Keynote\", \"state\": \"accepted\","
                        + " \"language\": \"English\", \"starts-at\": \"2027-10-01T10:00:00+02:00\","
                        + " \"ends-at\": \"2027-10-01T10:30:00+02:00\"}",
                ", " + rel("track", track) + ", " + rel("microlocation", room) + ", " + rel("session-type", type)
                        + ", \"speakers\": {\"data\": [{\"type\": \"speaker\", \"id\": \"" + speaker + "\"}]}");
        String proposal = create(user, "sessions", eventId, "{\"title\": \"Proposal\", \"state\": \"pending\"}", "");
        create(owner, "exhibitors", eventId, "{\"name\": \"Booth\", \"status\": \"accepted\"}",
                ", \"sessions\": {\"data\": [{\"type\": \"session\", \"id\": \"" + keynote + "\"}]}");
        String favourite = as(user).body("{\"data\": {\"type\": \"user-favourite-session\", \"relationships\": {"
                        + rel("session", keynote) + "}}}").post("/v1/user-favourite-sessions")
                .then().statusCode(201).extract().path("data.id");
        as(user).body("{\"data\": {\"type\": \"feedback\", \"attributes\": {\"rating\": 4, \"comment\": \"Good\"},"
                + " \"relationships\": {" + rel("session", keynote) + ", \"user\": {\"data\": {\"type\": \"user\","
                + " \"id\": \"" + user.id + "\"}}}}}").post("/v1/feedbacks").then().statusCode(201);

        walk(owner, eventId);
        walk(user, eventId);
        walk(null, eventId);

        // The public pages' requests, with the app's headers.
        String events = "/v1/events/" + identifier;
        app(null).queryParam("page[size]", 1).queryParam("filter", "[{\"name\":\"status\",\"op\":\"eq\",\"val\":\"accepted\"}]")
                .get(events + "/exhibitors").then().statusCode(200).body("data.attributes.name", contains("Booth"));
        HttpResponse<String> streams = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + events + "/has-streams?")).header("Accept", JSONAPI).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, streams.statusCode(), streams.body());
        assertEquals(Map.of("exists", true, "can_access", false), JSON.convertValue(JSON.readTree(streams.body()),
                Map.class));
        app(null).get(events + "/sessions/dates").then().statusCode(200).contentType("application/json")
                .body("$", contains("2027-10-01"));
        app(null).get(events + "/sessions/languages").then().statusCode(200).body("$", contains("English"));
        app(null).get("/v1/sessions/states").then().statusCode(200).contentType("application/json");
        app(null).queryParam("include", "speakers,microlocation,track,microlocation.video-stream")
                .queryParam("page[size]", 0).queryParam("filter", "[{\"and\":[{\"name\":\"starts-at\",\"op\":\"ne\","
                        + "\"val\":null},{\"name\":\"ends-at\",\"op\":\"ne\",\"val\":null},{\"or\":[{\"name\":\"state\","
                        + "\"op\":\"eq\",\"val\":\"accepted\"},{\"name\":\"state\",\"op\":\"eq\",\"val\":\"confirmed\"}]}]}]")
                .get("/v1/events/" + eventId + "/sessions").then().statusCode(200)
                .body("data.id", contains(keynote))
                .body("included.find { it.type == 'video-stream' }.id", equalTo(stream))
                .body("included.find { it.type == 'video-stream' }.attributes", not(hasKey("url")));
        app(user).queryParam("include", "track,speakers,session-type,favourite,microlocation.video-stream")
                .queryParam("sort", "starts-at,id").queryParam("page[size]", 6)
                .queryParam("filter", "[{\"name\":\"favourites\",\"op\":\"any\",\"val\":{\"name\":\"user\",\"op\":"
                        + "\"has\",\"val\":{\"name\":\"id\",\"op\":\"eq\",\"val\":\"" + user.id + "\"}}}]")
                .get("/v1/events/" + eventId + "/sessions").then().statusCode(200)
                .body("data.id", contains(keynote))
                .body("data[0].relationships.favourite.data.id", equalTo(favourite))
                .body("data[0].attributes.favourite-count", equalTo(1))
                .body("data[0].attributes.average-rating", equalTo(4.0f));
        app(null).queryParam("filter", "[{\"name\":\"is-featured\",\"op\":\"eq\",\"val\":\"true\"},{\"name\":\"sessions\","
                        + "\"op\":\"any\",\"val\":{\"and\":[{\"name\":\"deleted-at\",\"op\":\"eq\",\"val\":null},{\"or\":["
                        + "{\"name\":\"state\",\"op\":\"eq\",\"val\":\"accepted\"},{\"name\":\"state\",\"op\":\"eq\","
                        + "\"val\":\"confirmed\"}]}]}}]").queryParam("sort", "order").queryParam("include", "sessions.track")
                .queryParam("page[size]", 0).get("/v1/events/" + eventId + "/speakers").then().statusCode(200)
                .body("data.id", contains(speaker)).body("included.type", containsInAnyOrder("session", "track"));
        app(user).queryParam("include", "event").queryParam("sort", "starts-at").queryParam("page[size]", 10)
                .get("/v1/users/" + user.id + "/sessions").then().statusCode(200)
                .body("data.id", contains(proposal)).body("included[0].type", equalTo("event"));
        app(owner).get("/v1/users/" + user.id + "/sessions").then().statusCode(404);
        app(user).queryParam("include", "session-type,speakers,track,event,speaker-invites")
                .get("/v1/sessions/" + proposal).then().statusCode(200)
                .body("included.find { it.type == 'event' }.attributes.identifier", equalTo(identifier));
        app(null).get("/v1/sessions/" + keynote + "/event").then().statusCode(200)
                .body("data.attributes.identifier", equalTo(identifier));
        app(null).get("/v1/sessions/" + proposal).then().statusCode(404);
        app(null).get("/v1/sessions").then().statusCode(401);
        app(owner).get("/v1/tracks").then().statusCode(403);
    }

    /** Follows every self and related link of the schedule's documents; none may be missing. */
    private static void walk(Person caller, String eventId) throws Exception {
        Deque<String> queue = new ArrayDeque<>();
        for (String collection : List.of("sessions", "speakers", "tracks", "microlocations", "session-types",
                "video-streams", "exhibitors", "feedbacks", "user-favourite-sessions", "speaker-invites")) {
            queue.add("/v1/events/" + eventId + "/" + collection + "?page[size]=0");
            queue.add("/v1/events/" + eventId + "/relationships/" + collection);
        }
        queue.add("/v1/events/" + eventId + "/video-stream");
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> problems = new ArrayList<>();
        List<String> userServiceGaps = new ArrayList<>();
        while (!queue.isEmpty()) {
            String link = queue.poll();
            Response response = app(caller).get(link);
            Object detail = response.statusCode() == 503 ? response.path("errors[0].detail") : null;
            if (detail != null && detail.toString().contains("user-service")) {
                // user-service does not serve /internal/resources/user until its port to the kit is merged.
                userServiceGaps.add(link);
                continue;
            }
            if (response.statusCode() != 200) {
                problems.add(link + " -> " + response.statusCode());
                continue;
            }
            JsonNode document = JSON.readTree(response.asByteArray());
            List<JsonNode> resources = new ArrayList<>();
            JsonNode data = document.path("data");
            if (data.isArray()) {
                data.forEach(resources::add);
            } else if (data.isObject()) {
                resources.add(data);
            }
            document.path("included").forEach(resources::add);
            for (JsonNode resource : resources) {
                String type = resource.path("type").asText();
                if (type.equals("event") || type.equals("user") || !resource.has("relationships")) {
                    continue;
                }
                List<String> links = new ArrayList<>(List.of(resource.path("links").path("self").asText()));
                resource.path("relationships").forEach(relationship -> {
                    links.add(relationship.path("links").path("self").asText());
                    links.add(relationship.path("links").path("related").asText());
                });
                links.stream().filter(next -> !next.isEmpty() && seen.add(next)).forEach(queue::add);
            }
        }
        System.out.printf("schedule link walk as %s: %d links, %d waiting for user-service's internal resources%n",
                caller == null ? "anonymous" : "user " + caller.id(), seen.size(), userServiceGaps.size());
        assertEquals(List.of(), problems, "links answering other than 200");
        assertTrue(seen.size() > 60, "the walk covered only " + seen.size() + " links");
        userServiceGaps.forEach(link -> assertTrue(link.endsWith("/creator") || link.endsWith("/user"), link));
    }

    private static String create(Person person, String collection, String eventId, String attributes,
                                 String relationships) throws InterruptedException {
        String body = "{\"data\": {\"type\": \"" + singular(collection) + "\", \"attributes\": " + attributes
                + ", \"relationships\": {\"event\": {\"data\": {\"type\": \"event\", \"id\": \"" + eventId + "\"}}"
                + relationships + "}}}";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Response created = as(person).body(body).post("/v1/" + collection);
            if (created.statusCode() == 201) {
                return created.path("data.id");
            }
            if (System.nanoTime() > deadline) {
                fail("POST /v1/" + collection + " answered " + created.statusCode() + ": " + created.asString());
            }
            Thread.sleep(300);
        }
    }

    private static String singular(String collection) {
        return collection.endsWith("ies") ? collection.replaceAll("ies$", "y") : collection.replaceAll("s$", "");
    }

    private static String rel(String name, String id) {
        return "\"" + name + "\": {\"data\": {\"type\": \"" + name + "\", \"id\": \"" + id + "\"}}";
    }

    private static RequestSpecification as(Person person) {
        return given().contentType(JSONAPI).accept(JSONAPI).header("Authorization", "JWT " + person.token);
    }

    /** The app's headers: JSON:API content type and accept on every call, the token when signed in. */
    private static RequestSpecification app(Person person) {
        RequestSpecification request = given().header("Content-Type", JSONAPI).header("Accept", JSONAPI);
        return person == null ? request : request.header("Authorization", "JWT " + person.token);
    }

    /** A signed-up user: id and token. */
    record Person(String id, String token) {

        static Person signUp() {
            String email = "schedule-" + UUID.randomUUID() + "@example.org";
            String id = given().contentType(JSONAPI).body(Map.of("data", Map.of("type", "user", "attributes",
                            Map.of("email", email, "password", "correct horse battery"))))
                    .post("/v1/users").then().statusCode(201).extract().path("data.id");
            String token = given().contentType("application/json")
                    .body(Map.of("email", email, "password", "correct horse battery"))
                    .post("/auth/session").then().statusCode(200).extract().path("access_token");
            return new Person(id, token);
        }
    }
}
