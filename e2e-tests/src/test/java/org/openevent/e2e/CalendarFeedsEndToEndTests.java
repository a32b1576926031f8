package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calendars through the gateway, as a calendar app and the frontend reach them: the event's live feed and a
 * track's (routed to export-service ahead of event-service's and session-service's rules), a 304 for a matching
 * ETag, a withdrawn session turning into a cancellation, xCal and Pentabarf export tasks with absolute download
 * links, the personal feed token route, and a draft event's feed answering 404.
 */
class CalendarFeedsEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
    }

    @Test
    void feedsFollowTheScheduleAndExportsLinkToTheApi() throws Exception {
        String email = "cal-" + UUID.randomUUID() + "@example.org";
        given().contentType(JSONAPI).body(Map.of("data", Map.of("type", "user", "attributes",
                Map.of("email", email, "password", "correct horse battery")))).when().post("/v1/users")
                .then().statusCode(201);
        String token = given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct horse battery"))
                .when().post("/auth/session").then().statusCode(200).extract().path("access_token");

        Response created = as(token).body("""
                {"data": {"type": "event", "attributes": {"name": "Feeds Conf", "timezone": "America/Sao_Paulo",
                 "starts-at": "2027-08-10T09:00:00-03:00", "ends-at": "2027-08-11T18:00:00-03:00",
                 "location-name": "São Paulo"}}}""").when().post("/v1/events").then().statusCode(201).extract().response();
        String eventId = created.path("data.id");
        String identifier = created.path("data.attributes.identifier");
        // A draft's feed is the same 404 as an unknown event's.
        await("export-service to learn the draft", () -> given().when().get("/v1/events/" + identifier + ".ics")
                .statusCode() == 404 && given().header("Authorization", "JWT " + token)
                .when().get("/v1/events/" + identifier + "/export/ical").statusCode() == 200);
        given().when().get("/v1/events/" + identifier + ".ics?include_sessions").then().statusCode(404)
                .contentType(startsWith(JSONAPI));

        String published = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
        as(token).body("{\"data\": {\"type\": \"event\", \"id\": \"" + eventId + "\", \"attributes\": "
                        + "{\"state\": \"published\", \"schedule-published-on\": \"" + published + "\"}}}")
                .when().patch("/v1/events/" + identifier).then().statusCode(200);
        await("session-service to learn the event", () -> as(token).get("/v1/events/" + eventId + "/tracks")
                .statusCode() == 200);
        String track = createIn(token, "tracks", "track", eventId, "{\"name\": \"Main\", \"color\": \"#aa00ff\"}", "");
        String session = createIn(token, "sessions", "session", eventId,
                "{\"title\": \"Feeds, live\", \"starts-at\": \"2027-08-10T10:00:00-03:00\","
                        + " \"ends-at\": \"2027-08-10T10:45:00-03:00\"}",
                ", \"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + track + "\"}}");
        for (String state : List.of("pending", "accepted")) {
            setState(token, session, state);
        }

        // The feed answers from the current schedule version: right after the acceptance, no waiting needed.
        String feed = "/v1/events/" + identifier + ".ics?include_sessions";
        Response first = given().header("Accept", "text/calendar").when().get(feed);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("text/calendar; charset=utf-8", first.contentType().toLowerCase());
        VEvent talk = sessionEvent(calendar(first), session).orElseThrow(() -> new AssertionError(
                "the accepted session is in the feed at once:\n" + first.asString()));
        assertEquals("CONFIRMED", talk.getStatus().getValue());
        assertEquals(OffsetDateTime.parse("2027-08-10T13:00:00Z").toInstant(), talk.getDateStart().getValue().toInstant());
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).when().get(feed).then().statusCode(304);
        assertTrue(sessionEvent(calendar(given().when().get("/v1/events/" + identifier + "/tracks/" + track + ".ics")),
                session).isPresent(), "the track's feed, routed to export-service");
        as(token).when().get("/v1/events/" + identifier + "/tracks").then().statusCode(200)
                .body("data[0].id", equalTo(track));

        // Withdrawn after it was public: the subscribed calendar sees it cancelled, with a higher SEQUENCE.
        setState(token, session, "canceled");
        Response after = given().header("If-None-Match", etag).when().get(feed);
        assertEquals(200, after.statusCode());
        VEvent cancelled = sessionEvent(calendar(after), session).orElseThrow();
        assertEquals("CANCELLED", cancelled.getStatus().getValue());
        assertTrue(cancelled.getSequence().getValue() > talk.getSequence().getValue());

        // Export tasks in other formats: absolute download links on the API's public base.
        for (String format : List.of("xcal", "pentabarf")) {
            String taskUrl = given().header("Authorization", "JWT " + token).header("Accept", JSONAPI)
                    .when().get("/v1/events/" + identifier + "/export/" + format).then().statusCode(200)
                    .extract().path("task_url");
            String url = awaitDownloadUrl(token, taskUrl);
            assertTrue(url.startsWith("http://") || url.startsWith("https://"), "absolute: " + url);
            String body = new String(given().when().get(url).then().statusCode(200).extract().asByteArray(),
                    StandardCharsets.UTF_8);
            assertTrue(format.equals("xcal") ? body.contains("urn:ietf:params:xml:ns:icalendar-2.0")
                    : body.contains("<schedule>"), body);
        }

        given().header("Authorization", "JWT " + token).queryParam("event", identifier)
                .when().get("/v1/calendar-token").then().statusCode(200)
                .body("urls.ical-url", startsWith("http"));
        given().when().get("/v1/calendar-token").then().statusCode(401);
    }

    static ICalendar calendar(Response response) {
        ICalendar calendar = Biweekly.parse(new String(response.asByteArray(), StandardCharsets.UTF_8)).first();
        assertNotNull(calendar, response.asString());
        return calendar;
    }

    static Optional<VEvent> sessionEvent(ICalendar calendar, String sessionId) {
        Predicate<VEvent> mine = e -> e.getUid().getValue().startsWith("session-" + sessionId + "@");
        return calendar.getEvents().stream().filter(mine).findFirst();
    }

    static void setState(String token, String session, String state) {
        as(token).body("{\"data\": {\"type\": \"session\", \"id\": \"" + session + "\", \"attributes\": {\"state\": \""
                + state + "\"}}}").when().patch("/v1/sessions/" + session).then().statusCode(200)
                .body("data.attributes.state", equalTo(state));
    }

    static String awaitDownloadUrl(String token, String taskUrl) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Response task = given().header("Authorization", "JWT " + token).when().get(taskUrl);
            String state = task.path("state");
            if ("SUCCESS".equals(state)) {
                return task.path("result.download_url");
            }
            if (!"WAITING".equals(state)) {
                fail("Export failed: " + task.asString());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Task " + taskUrl + " did not finish in time");
    }

    static String createIn(String token, String collection, String type, String eventId, String attributes,
                           String moreRelationships) {
        return as(token).body("{\"data\": {\"type\": \"" + type + "\", \"attributes\": " + attributes
                        + ", \"relationships\": {\"event\": {\"data\": {\"type\": \"event\", \"id\": \"" + eventId + "\"}}"
                        + moreRelationships + "}}}")
                .when().post("/v1/" + collection).then().statusCode(201).extract().path("data.id");
    }

    static RequestSpecification as(String token) {
        return given().contentType(JSONAPI).accept(JSONAPI).header("Authorization", "JWT " + token);
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
