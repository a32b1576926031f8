package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes through the gateway, as the frontend and API scripts work: every write is used by the next
 * request at once, across services, with no sleep and no retry. Only the export task is polled, as its contract
 * says; the file must contain everything committed before it was requested.
 */
class ReadYourWritesEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
        // JSON is UTF-8; rest-assured would otherwise send a media type it does not know as ISO-8859-1.
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().defaultCharsetForContentType("UTF-8", JSONAPI));
    }

    @Test
    void aNewEventsScheduleIsUsableAndExportedImmediately() throws Exception {
        String token = newAccount("ryw");

        String event = as(token).body("""
                {"data": {"type": "event", "attributes": {"name": "Instant Conf", "timezone": "America/Sao_Paulo",
                 "state": "published", "starts-at": "2027-10-01T09:00:00-03:00",
                 "ends-at": "2027-10-02T18:00:00-03:00"}}}""")
                .when().post("/v1/events").then().statusCode(201).extract().path("data.id");
        // session-service and export-service have not necessarily heard of the event from Kafka yet.
        String track = create(token, "tracks", "track", event, "{\"name\": \"Main\", \"color\": \"#224466\"}", "");
        String room = create(token, "microlocations", "microlocation", event, "{\"name\": \"Auditório\"}", "");
        String type = create(token, "session-types", "session-type", event, "{\"name\": \"Talk\"}", "");
        String speaker = create(token, "speakers", "speaker", event, "{\"name\": \"Clarice\"}", "");
        String links = ", \"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + track + "\"}}"
                + ", \"microlocation\": {\"data\": {\"type\": \"microlocation\", \"id\": \"" + room + "\"}}"
                + ", \"session-type\": {\"data\": {\"type\": \"session-type\", \"id\": \"" + type + "\"}}"
                + ", \"speakers\": {\"data\": [{\"type\": \"speaker\", \"id\": \"" + speaker + "\"}]}";
        String accepted = create(token, "sessions", "session", event, session("Opening keynote", "10:00"), links);
        String edited = create(token, "sessions", "session", event, session("Working title", "11:00"), links);
        for (String id : List.of(accepted, edited)) {
            state(token, id, "accepted");
        }
        as(token).body("{\"data\": {\"type\": \"session\", \"id\": \"" + edited
                        + "\", \"attributes\": {\"title\": \"Final title\"}}}")
                .when().patch("/v1/sessions/" + edited).then().statusCode(200)
                .body("data.attributes.title", equalTo("Final title"));

        String taskUrl = given().header("Authorization", "JWT " + token)
                .when().get("/v1/events/" + event + "/export/ical").then().statusCode(200)
                .extract().path("task_url");
        String ics = given().when().get(awaitDownload(token, taskUrl)).then().statusCode(200).extract().asString();
        ICalendar calendar = Biweekly.parse(ics).first();
        // The calendar holds the event's own entry too; its sessions are the entries with session UIDs.
        List<String> titles = calendar.getEvents().stream()
                .filter(entry -> entry.getUid().getValue().startsWith("session-"))
                .map(VEvent::getSummary).map(s -> s.getValue()).toList();
        assertTrue(titles.contains("Opening keynote"), ics);
        assertTrue(titles.contains("Final title"), ics);
        assertEquals(2, titles.size(), ics);
    }

    /**
     * The anonymous event document with the schedule's includes is kept serialized at event-service; every write,
     * at event-service or session-service, shows in the very next anonymous read, and an unchanged document
     * answers {@code If-None-Match} with 304.
     */
    @Test
    void theAnonymousEventDocumentShowsEveryWriteAtOnce() {
        String token = newAccount("kept");
        String event = as(token).body("""
                {"data": {"type": "event", "attributes": {"name": "Kept Conf", "timezone": "Asia/Kolkata",
                 "state": "published", "starts-at": "2027-10-01T09:00:00+05:30",
                 "ends-at": "2027-10-02T18:00:00+05:30"}}}""")
                .when().post("/v1/events").then().statusCode(201).extract().path("data.id");
        String url = "/v1/events/" + event + "?include=sessions,microlocations,tracks,speakers,sponsors,tickets";
        String empty = given().when().get(url).then().statusCode(200)
                .body("included", equalTo(null)).extract().header("ETag");
        given().header("If-None-Match", empty).when().get(url).then().statusCode(304);

        String track = create(token, "tracks", "track", event, "{\"name\": \"Main\", \"color\": \"#224466\"}", "");
        String withTrack = given().when().get(url).then().statusCode(200)
                .body("included.find { it.type == 'track' }.id", equalTo(track)).extract().header("ETag");
        assertTrue(!withTrack.equals(empty), "a new document has a new tag");

        String session = create(token, "sessions", "session", event, session("Kept keynote", "10:00"),
                ", \"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + track + "\"}}");
        given().when().get(url).then().statusCode(200).body("included.findAll { it.type == 'session' }", hasSize(0));
        state(token, session, "accepted");
        given().when().get(url).then().statusCode(200)
                .body("included.find { it.type == 'session' }.attributes.title", equalTo("Kept keynote"));
        as(token).body("{\"data\": {\"type\": \"session\", \"id\": \"" + session
                        + "\", \"attributes\": {\"title\": \"Kept and renamed\"}}}")
                .when().patch("/v1/sessions/" + session).then().statusCode(200);
        given().when().get(url).then().statusCode(200)
                .body("included.find { it.type == 'session' }.attributes.title", equalTo("Kept and renamed"));

        as(token).body("{\"data\": {\"type\": \"event\", \"id\": \"" + event
                        + "\", \"attributes\": {\"state\": \"draft\"}}}")
                .when().patch("/v1/events/" + event).then().statusCode(200);
        given().when().get(url).then().statusCode(404);
    }

    /** Signs up a fresh account and signs it in; returns its token. */
    private static String newAccount(String prefix) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.org";
        given().contentType(JSONAPI).body(Map.of("data", Map.of("type", "user", "attributes",
                Map.of("email", email, "password", "correct horse battery"))))
                .when().post("/v1/users").then().statusCode(201);
        return given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct horse battery"))
                .when().post("/auth/session").then().statusCode(200).extract().path("access_token");
    }

    private static String session(String title, String start) {
        return "{\"title\": \"" + title + "\", \"state\": \"pending\", \"starts-at\": \"2027-10-01T" + start + ":00-03:00\","
                + " \"ends-at\": \"2027-10-01T" + start.replace(":00", ":45") + ":00-03:00\"}";
    }

    private static void state(String token, String session, String state) {
        as(token).body("{\"data\": {\"type\": \"session\", \"id\": \"" + session + "\", \"attributes\": {\"state\": \""
                        + state + "\"}}}")
                .when().patch("/v1/sessions/" + session).then().statusCode(200)
                .body("data.attributes.state", equalTo(state));
    }

    private static String create(String token, String collection, String type, String event, String attributes,
                                 String moreRelationships) {
        return as(token).body("{\"data\": {\"type\": \"" + type + "\", \"attributes\": " + attributes
                        + ", \"relationships\": {\"event\": {\"data\": {\"type\": \"event\", \"id\": \"" + event
                        + "\"}}" + moreRelationships + "}}}")
                .when().post("/v1/" + collection).then().log().ifValidationFails().statusCode(201)
                .extract().path("data.id");
    }

    /** Polls the task as the frontend does (its contract); the download link it yields is signed. */
    private static String awaitDownload(String token, String taskUrl) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> task = given().header("Authorization", "JWT " + token).when().get(taskUrl)
                    .then().statusCode(200).extract().as(Map.class);
            if ("SUCCESS".equals(task.get("state"))) {
                return (String) ((Map<?, ?>) task.get("result")).get("download_url");
            }
            if (!"WAITING".equals(task.get("state"))) {
                fail("Export task ended " + task);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The export task did not finish in time");
    }

    private static RequestSpecification as(String token) {
        return given().contentType(JSONAPI).accept(JSONAPI).header("Authorization", "JWT " + token);
    }
}
