package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole thin path through the gateway against the platform started by {@code ./dev up}: sign up,
 * log in, build and publish an event with its schedule, accept a session, export it as iCalendar,
 * download and parse the file, then read the admin statistics.
 */
class ExportFlowEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
    }

    @Test
    void organizerExportsTheAcceptedScheduleAndAdminSeesTheStatistics() throws Exception {
        String adminToken = login(System.getProperty("e2e.admin.email"), System.getProperty("e2e.admin.password"));
        int publishedBefore = publishedCount(adminToken);

        String email = "e2e-" + UUID.randomUUID() + "@example.org";
        given().contentType(JSONAPI).body(Map.of("data", Map.of("type", "user", "attributes",
                        Map.of("email", email, "password", "correct horse battery"))))
                .when().post("/v1/users").then().statusCode(201).body("data.attributes.email", equalTo(email));
        String token = given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct horse battery"))
                .when().post("/auth/session").then().statusCode(200).extract().path("access_token");

        Response created = as(token).body("""
                {"data": {"type": "event", "attributes": {"name": "E2E Conf", "timezone": "Asia/Kolkata",
                 "starts-at": "2027-09-01T09:00:00+05:30", "ends-at": "2027-09-02T18:00:00+05:30",
                 "location-name": "Bengaluru", "latitude": 12.97, "longitude": 77.59}}}""")
                .when().post("/v1/events").then().statusCode(201).extract().response();
        String eventId = created.path("data.id");
        String identifier = created.path("data.attributes.identifier");
        as(token).body("{\"data\": {\"type\": \"event\", \"id\": \"" + eventId
                        + "\", \"attributes\": {\"state\": \"published\"}}}")
                .when().patch("/v1/events/" + identifier).then().statusCode(200)
                .body("data.attributes.state", equalTo("published"));

        await("session-service to learn the event", Duration.ofSeconds(60),
                () -> as(token).get("/v1/events/" + eventId + "/tracks").statusCode() == 200);

        String track = createIn(token, "tracks", "track", eventId, "{\"name\": \"Main\", \"color\": \"#aa00ff\"}", "");
        String room = createIn(token, "microlocations", "microlocation", eventId,
                "{\"name\": \"Hall A\", \"latitude\": 12.9716, \"longitude\": 77.5946}", "");
        String type = createIn(token, "session-types", "session-type", eventId,
                "{\"name\": \"Talk\", \"length\": \"00:30\"}", "");
        String speaker = createIn(token, "speakers", "speaker", eventId,
                "{\"name\": \"Rangan Example\", \"email\": \"rangan@example.org\"}", "");
        String session = createIn(token, "sessions", "session", eventId,
                "{\"title\": \"Reactive schedules\", \"short-abstract\": \"How the export works.\","
                        + " \"starts-at\": \"2027-09-01T10:00:00+05:30\", \"ends-at\": \"2027-09-01T10:30:00+05:30\"}",
                ", \"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + track + "\"}}"
                        + ", \"microlocation\": {\"data\": {\"type\": \"microlocation\", \"id\": \"" + room + "\"}}"
                        + ", \"session-type\": {\"data\": {\"type\": \"session-type\", \"id\": \"" + type + "\"}}"
                        + ", \"speakers\": {\"data\": [{\"type\": \"speaker\", \"id\": \"" + speaker + "\"}]}");
        for (String state : List.of("pending", "accepted")) {
            as(token).body("{\"data\": {\"type\": \"session\", \"id\": \"" + session
                            + "\", \"attributes\": {\"state\": \"" + state + "\"}}}")
                    .when().patch("/v1/sessions/" + session).then().statusCode(200)
                    .body("data.attributes.state", equalTo(state));
        }

        // The frontend's event overview: one compound document composed by event-service from session-service.
        given().header("Authorization", "JWT " + token)
                .queryParam("include", "sessions.track,microlocations,tracks,speakers")
                .when().get("/v1/events/" + eventId).then().statusCode(200)
                .body("data.relationships.sessions.data[0].id", equalTo(session))
                .body("data.relationships.tracks.data[0].id", equalTo(track))
                .body("included.find { it.type == 'session' }.attributes.title", equalTo("Reactive schedules"))
                .body("included.find { it.type == 'speaker' }.attributes.email", equalTo("rangan@example.org"));
        given().queryParam("include", "speakers").when().get("/v1/events/" + eventId).then().statusCode(200)
                .body("included.find { it.type == 'speaker' }.attributes.email", nullValue());

        // The export reads export-service's own projection, which follows the session messages.
        java.util.function.Function<ICalendar, VEvent> talk = cal -> cal.getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith("session-" + session + "@")).findFirst().orElse(null);
        ICalendar calendar = exportUntil(token, identifier,
                cal -> talk.apply(cal) != null && talk.apply(cal).getLocation() != null);
        VEvent vevent = talk.apply(calendar);
        assertEquals("Reactive schedules", vevent.getSummary().getValue());
        assertEquals(ZonedDateTime.of(2027, 9, 1, 10, 0, 0, 0, ZoneId.of("Asia/Kolkata")).toInstant(),
                vevent.getDateStart().getValue().toInstant());
        assertTrue(vevent.getLocation().getValue().contains("Hall A"));
        assertNotNull(vevent.getUid());
        assertNotNull(calendar.getProductId());

        given().header("Authorization", "JWT " + token).when().get("/v1/admin/statistics/events")
                .then().statusCode(403);
        await("statistics to count the published event", Duration.ofSeconds(60),
                () -> publishedCount(adminToken) > publishedBefore);
    }

    private ICalendar exportUntil(String token, String identifier, java.util.function.Predicate<ICalendar> complete)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Response started = given().header("Authorization", "JWT " + token)
                    .when().get("/v1/events/" + identifier + "/export/ical");
            if (started.statusCode() == 404 && System.nanoTime() < deadline) {
                // export-service learns the event from Kafka a moment after event-service commits it.
                Thread.sleep(500);
                continue;
            }
            String taskUrl = started.then().statusCode(200).body("task_url", startsWith("/v1/tasks/"))
                    .extract().path("task_url");
            String downloadUrl = awaitTask(token, taskUrl);
            assertTrue(downloadUrl.startsWith("http"), "download links are absolute on the API's base: " + downloadUrl);
            String ics = given().header("Authorization", "JWT " + token).when().get(downloadUrl)
                    .then().statusCode(200).extract().asString();
            ICalendar calendar = Biweekly.parse(ics).first();
            if (calendar != null && complete.test(calendar)) {
                return calendar;
            }
            if (System.nanoTime() > deadline) {
                fail("The export never contained the accepted session:\n" + ics);
            }
            Thread.sleep(1000);
        }
    }

    private String awaitTask(String token, String taskUrl) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Response task = given().header("Authorization", "JWT " + token).when().get(taskUrl);
            assertEquals(200, task.statusCode(), task.asString());
            String state = task.path("state");
            if ("SUCCESS".equals(state)) {
                return task.path("result.download_url");
            }
            if ("FAILURE".equals(state)) {
                fail("Export failed: " + task.asString());
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Task " + taskUrl + " did not finish in time");
    }

    private static String createIn(String token, String collection, String type, String eventId, String attributes,
                                   String moreRelationships) {
        return as(token).body("{\"data\": {\"type\": \"" + type + "\", \"attributes\": " + attributes
                        + ", \"relationships\": {\"event\": {\"data\": {\"type\": \"event\", \"id\": \"" + eventId + "\"}}"
                        + moreRelationships + "}}}")
                .when().post("/v1/" + collection).then().statusCode(201).extract().path("data.id");
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().contentType(JSONAPI).accept(JSONAPI).header("Authorization", "JWT " + token);
    }

    private static String login(String email, String password) {
        return given().contentType("application/json").body(Map.of("email", email, "password", password))
                .when().post("/v1/auth/login").then().statusCode(200).extract().path("access_token");
    }

    private static int publishedCount(String adminToken) {
        return given().header("Authorization", "JWT " + adminToken).when().get("/v1/admin/statistics/events")
                .then().statusCode(200).body("data.type", equalTo("admin-statistics-event"))
                .extract().path("data.attributes.published");
    }

    private static void await(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(300);
        }
    }
}
