package org.openevent.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.EventPayload;
import org.openevent.export.EventFixtures;
import org.openevent.common.contract.ExportRequestedPayload;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.SessionTypePayload;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.contract.Topics;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;
import org.openevent.common.testing.OwnerStandIn;
import org.openevent.export.SessionServiceStub;

/**
 * The export flow end to end against real PostgreSQL and Kafka: synthetic snapshots build the projection,
 * the HTTP API starts a task, the Kafka consumer renders it and the file is downloaded and parsed.
 */
@QuarkusTest
@WithTestResource(SessionServiceStub.class)
@WithTestResource(OwnerStandIn.class)
class ExportResourceTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final long BASE = 9_000_000_000L + ThreadLocalRandom.current().nextLong(0, 900_000_000L) * 100;
    static final long EVENT = BASE;
    static final long OTHER_EVENT = BASE + 20;
    static final long BROKEN_EVENT = BASE + 40;
    static final long DRAFT_EVENT = BASE + 60;
    static final long SETTLED_EVENT = BASE + 80;
    static final long TRACK = BASE + 1;
    static final long ROOM = BASE + 2;
    static final long TYPE = BASE + 3;
    static final long SPEAKER = BASE + 4;
    static final long ACCEPTED = BASE + 5;
    static final long PENDING = BASE + 6;
    static final long DELETED = BASE + 7;
    static final long OWNER = BASE + 11;
    static final long COORGANIZER = BASE + 12;
    static final long PLAIN_USER = BASE + 13;
    static final long OTHER_ORGANIZER = BASE + 14;
    static final long ADMIN = BASE + 15;
    static final String IDENTIFIER = "e" + Long.toHexString(ThreadLocalRandom.current().nextLong(0x1000000L, 0xfffffffL));
    static final String TITLE = "Grüße aus Köln — Überblick über Ökosysteme, Ελληνικά και 日本語のセッション 🎉 zum Schluss";
    static final OffsetDateTime UPDATED = OffsetDateTime.parse("2027-05-01T10:00:00Z");
    static final String API = "https://api.openevent.test";

    private static boolean fixtureReady;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    // ---- fixture -------------------------------------------------------------------------------------

    synchronized void fixture() {
        if (fixtureReady) {
            return;
        }
        OffsetDateTime start = OffsetDateTime.parse("2027-06-10T09:00:00+02:00");
        OffsetDateTime end = OffsetDateTime.parse("2027-06-11T18:00:00+02:00");
        publishEvent(EventFixtures.published(EVENT, IDENTIFIER, "Kölner Open Source Tage", "desc", start, end,
                "Europe/Berlin", "Berlin Congress Center", 52.52, 13.40,
                List.of(new EventPayload.RoleGrant(OWNER, "owner"),
                        new EventPayload.RoleGrant(COORGANIZER, "coorganizer"))), 1);
        publishEvent(EventFixtures.published(OTHER_EVENT, IDENTIFIER + "x", "Other", null, start, end, "Europe/Berlin", null, null, null,
                List.of(new EventPayload.RoleGrant(OTHER_ORGANIZER, "organizer"))), 1);
        publishEvent(EventFixtures.published(BROKEN_EVENT, IDENTIFIER + "b", "Broken zone", null, start, end,
                "Mars/Olympus", null, null, null, List.of(new EventPayload.RoleGrant(OWNER, "owner"))), 1);
        publishEvent(EventFixtures.draft(DRAFT_EVENT, IDENTIFIER + "d", start, end,
                List.of(new EventPayload.RoleGrant(OWNER, "owner"))), 1);
        publish(Topics.SESSIONS, "track.upserted", "track", TRACK, 1,
                new TrackPayload(TRACK, EVENT, 1, "Open Hardware", null, "#ff0000", null));
        publish(Topics.SESSIONS, "microlocation.upserted", "microlocation", ROOM, 1,
                new MicrolocationPayload(ROOM, EVENT, 2, "Hall A", 1, 52.5200, 13.4050, null));
        publish(Topics.SESSIONS, "session-type.upserted", "session-type", TYPE, 1,
                new SessionTypePayload(TYPE, EVENT, 3, "Talk", "00:30", null));
        publish(Topics.SESSIONS, "speaker.upserted", "speaker", SPEAKER, 1,
                new SpeakerPayload(SPEAKER, EVENT, 4, "Ada Lovelace", "Analytical Engines", "Engineer", null));
        publishSession(ACCEPTED, TITLE, "accepted", null, 2);
        publishSession(PENDING, "Pending talk", "pending", null, 1);
        publishSession(DELETED, "Deleted talk", "accepted", OffsetDateTime.parse("2027-05-02T10:00:00Z"), 1);
        await("projection complete", () -> count("select count(*) from event_projection where id in ($1, $2, $3, $4)",
                Tuple.of(EVENT, OTHER_EVENT, BROKEN_EVENT, DRAFT_EVENT)) == 4
                && count("select count(*) from event_projection_role where event_id = $1", Tuple.of(EVENT)) == 2
                && count("select count(*) from track where id = $1", Tuple.of(TRACK)) == 1
                && count("select count(*) from microlocation where id = $1", Tuple.of(ROOM)) == 1
                && count("select count(*) from session_type where id = $1", Tuple.of(TYPE)) == 1
                && count("select count(*) from speaker where id = $1", Tuple.of(SPEAKER)) == 1
                && count("select count(*) from session where event_id = $1", Tuple.of(EVENT)) == 3
                && count("select count(*) from session_speaker where session_id = $1", Tuple.of(ACCEPTED)) == 1);
        fixtureReady = true;
    }

    void publishSession(long id, String title, String state, OffsetDateTime deletedAt, long version) {
        publish(Topics.SESSIONS, "session.upserted", "session", id, version,
                new SessionPayload(id, EVENT, 0, title, null, "<p>How <b>open</b> hardware; works, really</p>",
                        null, "en", null, state, false, OffsetDateTime.parse("2027-06-10T08:00:00Z"),
                        OffsetDateTime.parse("2027-06-10T09:00:00Z"), TRACK, ROOM, TYPE, List.of(SPEAKER), null, null,
                        null, deletedAt));
    }

    void publishEvent(EventPayload payload, long version) {
        publish(Topics.EVENTS, "event.upserted", "event", payload.id(), version, payload);
    }

    String publish(String topic, String type, String aggregateType, Object id, long version, Object payload) {
        String messageId = UUID.randomUUID().toString();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("messageId", messageId);
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", String.valueOf(id));
        envelope.put("aggregateVersion", version);
        envelope.put("occurredAt", UPDATED.toString());
        envelope.put("payload", mapper.valueToTree(payload));
        try {
            KafkaProbe.send(bootstrap, topic, String.valueOf(id), mapper.writeValueAsString(envelope));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return messageId;
    }

    long count(String sql, Tuple args) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong(0);
    }

    String text(String sql, Tuple args) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : String.valueOf(rows.iterator().next().getValue(0));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---- HTTP helpers ----------------------------------------------------------------------------------

    static String jwt(String token) {
        return TestTokens.jwtHeader(token);
    }

    static String startExport(String reference, String token) {
        return given().header("Authorization", jwt(token))
                .when().get("/v1/events/" + reference + "/export/ical")
                .then().statusCode(200).contentType("application/json")
                .body("task_url", matchesPattern("/v1/tasks/[0-9a-f-]{36}"))
                .extract().path("task_url");
    }

    /** Polls the task like the frontend does until it leaves WAITING. */
    static JsonNode awaitTask(String taskUrl, String token) {
        JsonNode[] last = new JsonNode[1];
        await("task " + taskUrl, () -> {
            String body = given().header("Authorization", jwt(token)).when().get(taskUrl)
                    .then().statusCode(200).extract().asString();
            try {
                last[0] = new ObjectMapper().readTree(body);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            String state = last[0].get("state").asText();
            assertTrue(state.equals("WAITING") || state.equals("SUCCESS") || state.equals("FAILURE"), state);
            return !state.equals("WAITING");
        });
        return last[0];
    }

    // ---- tests -----------------------------------------------------------------------------------------

    @Test
    void onlyOrganizersAndAdminsMayExport() {
        fixture();
        given().when().get("/v1/events/" + IDENTIFIER + "/export/ical").then().statusCode(401);
        given().header("Authorization", jwt(TestTokens.user(PLAIN_USER)))
                .when().get("/v1/events/" + IDENTIFIER + "/export/ical").then().statusCode(403)
                .body("errors[0].status", equalTo("403"));
        given().header("Authorization", jwt(TestTokens.user(OTHER_ORGANIZER)))
                .when().get("/v1/events/" + EVENT + "/export/ical").then().statusCode(403);
        startExport(IDENTIFIER, TestTokens.user(COORGANIZER));
        startExport(String.valueOf(EVENT), TestTokens.user(OWNER));
        startExport(IDENTIFIER, TestTokens.admin(ADMIN));
        given().header("Authorization", jwt(TestTokens.user(OTHER_ORGANIZER)))
                .when().get("/v1/events/" + OTHER_EVENT + "/export/ical").then().statusCode(200);
        given().header("Authorization", jwt(TestTokens.admin(ADMIN)))
                .when().get("/v1/events/" + (BASE + 99) + "/export/ical").then().statusCode(404);
        given().header("Authorization", jwt(TestTokens.user(OWNER)))
                .when().get("/v1/events/fffffff0/export/ical").then().statusCode(404);
    }

    @Test
    void strangersCannotTellADraftFromAnUnknownEvent() {
        fixture();
        for (String stranger : List.of(TestTokens.user(PLAIN_USER), TestTokens.user(OTHER_ORGANIZER))) {
            for (String reference : List.of(String.valueOf(DRAFT_EVENT), String.valueOf(BASE + 99))) {
                given().header("Authorization", jwt(stranger)).when().get("/v1/events/" + reference + "/export/ical")
                        .then().statusCode(404).body("errors[0].detail", equalTo("Event not found."));
            }
        }
        startExport(IDENTIFIER + "d", TestTokens.user(OWNER));
    }

    @Test
    void exportRendersTheAcceptedSessionAsAValidCalendar() throws Exception {
        fixture();
        String token = TestTokens.user(COORGANIZER);
        String taskUrl = startExport(IDENTIFIER, token);
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        JsonNode task = awaitTask(taskUrl, token);
        assertEquals("SUCCESS", task.get("state").asText(), task.toString());
        String absolute = task.get("result").get("download_url").asText();
        String downloadUrl = "/v1/exports/" + taskId + "/" + IDENTIFIER + ".ics";
        assertTrue(absolute.startsWith(API + downloadUrl + "?expires="), "absolute, on the API's public base: " + absolute);
        String signedUrl = absolute.substring(API.length());
        // Browsers follow the link without a token: the signature is the permission, and only an intact one.
        given().when().get(signedUrl).then().statusCode(200).contentType(containsString("text/calendar"));
        given().when().get(signedUrl.substring(0, signedUrl.length() - 2) + "xx").then().statusCode(401);
        given().when().get(signedUrl.replace(IDENTIFIER + ".ics", "other.ics")).then().statusCode(404);

        Response download = given().header("Authorization", jwt(token)).when().get(downloadUrl);
        assertEquals(200, download.statusCode());
        assertEquals("text/calendar; charset=utf-8", download.header("Content-Type").toLowerCase());
        assertEquals("attachment; filename=\"" + IDENTIFIER + ".ics\"", download.header("Content-Disposition"));
        String etag = download.header("ETag");
        given().header("Authorization", jwt(token)).header("If-None-Match", etag).when().get(downloadUrl)
                .then().statusCode(304);
        byte[] bytes = download.asByteArray();
        String ics = new String(bytes, StandardCharsets.UTF_8);

        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at octet " + i);
                assertTrue(i - 1 - lineStart <= 75, "line of " + (i - 1 - lineStart) + " octets");
                lineStart = i + 1;
            }
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(ics.length() > unfolded.length(), "the long multibyte title must have been folded");

        ICalendar calendar = Biweekly.parse(ics).first();
        assertNotNull(calendar);
        assertTrue(calendar.validate(ICalVersion.V2_0).isEmpty(), calendar.validate(ICalVersion.V2_0).toString());
        assertEquals(ICalVersion.V2_0, calendar.getVersion());
        assertNotNull(calendar.getProductId().getValue());
        assertTrue(unfolded.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), unfolded);
        assertTrue(unfolded.contains("\r\nX-WR-CALNAME:Kölner Open Source Tage\r\n"));
        assertTrue(unfolded.contains("\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"));
        assertEquals("Kölner Open Source Tage", calendar.getNames().get(0).getValue());

        List<VEvent> events = calendar.getEvents();
        assertEquals(2, events.size(), "the event's own entry and the accepted, non-deleted session");
        assertEquals("event-" + EVENT + "@" + IDENTIFIER + ".openevent.local", events.get(0).getUid().getValue());
        VEvent session = events.get(1);
        assertEquals(TITLE, session.getSummary().getValue());
        assertEquals(Date.from(Instant.parse("2027-06-10T08:00:00Z")), session.getDateStart().getValue());
        assertEquals(Date.from(Instant.parse("2027-06-10T09:00:00Z")), session.getDateEnd().getValue());
        assertTrue(unfolded.contains("\r\nDTSTART;TZID=Europe/Berlin:20270610T100000\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nDTEND;TZID=Europe/Berlin:20270610T110000\r\n"), unfolded);
        assertEquals(52.52, session.getGeo().getLatitude());
        assertEquals(13.405, session.getGeo().getLongitude());
        assertEquals("Hall A, Berlin Congress Center", session.getLocation().getValue());
        assertEquals("Open Hardware", session.getCategories().get(0).getValues().get(0));
        String description = session.getDescription().getValue();
        assertTrue(description.contains("How open hardware; works, really"), description);
        assertTrue(description.contains("Ada Lovelace (Analytical Engines)"), description);
        assertTrue(session.getUrl().getValue().endsWith("/e/" + IDENTIFIER + "/session/" + ACCEPTED));
        assertEquals(1, session.getSequence().getValue());
        assertFalse(unfolded.contains("Pending talk") || unfolded.contains("Deleted talk"));

        VTimezone zone = calendar.getTimezoneInfo().getComponents().stream()
                .filter(z -> z.getTimezoneId().getValue().equals("Europe/Berlin")).findFirst().orElseThrow();
        assertFalse(zone.getStandardTimes().isEmpty(), "STANDARD observance");
        assertFalse(zone.getDaylightSavingsTime().isEmpty(), "DAYLIGHT observance");
        assertEquals(2 * 3600_000L, zone.getDaylightSavingsTime().get(0).getTimezoneOffsetTo().getValue().getMillis());

        // A second export yields the same UID for the same session.
        String secondUrl = startExport(IDENTIFIER, TestTokens.user(OWNER));
        assertNotEquals(taskUrl, secondUrl);
        JsonNode second = awaitTask(secondUrl, TestTokens.user(OWNER));
        String secondIcs = given().header("Authorization", jwt(TestTokens.user(OWNER)))
                .when().get(second.get("result").get("download_url").asText().substring(API.length()))
                .then().statusCode(200).extract().asString();
        VEvent again = Biweekly.parse(secondIcs).first().getEvents().get(1);
        assertEquals(session.getUid().getValue(), again.getUid().getValue());
        assertTrue(session.getUid().getValue().startsWith("session-" + ACCEPTED + "@" + IDENTIFIER + "."));

        // The task and its file belong to the requester (and admins): everyone else gets 404, anonymous 401.
        given().header("Authorization", jwt(TestTokens.user(OWNER))).when().get(taskUrl).then().statusCode(404);
        given().header("Authorization", jwt(TestTokens.user(PLAIN_USER))).when().get(downloadUrl).then().statusCode(404);
        given().header("Authorization", jwt(TestTokens.user(OWNER))).when().get(downloadUrl).then().statusCode(404);
        given().when().get(taskUrl).then().statusCode(401);
        given().header("Authorization", jwt(TestTokens.admin(ADMIN))).when().get(taskUrl).then().statusCode(200)
                .body("state", equalTo("SUCCESS"));
        given().header("Authorization", jwt(token)).when().get("/v1/tasks/not-a-uuid").then().statusCode(404);
        given().header("Authorization", jwt(token)).when().get("/v1/exports/not-a-uuid/x.ics").then().statusCode(404);
        given().header("Authorization", jwt(token)).when().get("/v1/exports/" + taskId + "/other.ics").then().statusCode(404);

        ConsumerRecord<String, String> completed = KafkaProbe.await(bootstrap, Topics.EXPORT_RESULTS,
                r -> taskId.equals(r.key()), DEADLINE);
        JsonNode envelope = mapper.readTree(completed.value());
        assertEquals("export.completed", envelope.get("type").asText());
        assertEquals("export-task", envelope.get("aggregateType").asText());
        assertEquals("SUCCESS", envelope.get("payload").get("state").asText());
        assertEquals(API + downloadUrl, envelope.get("payload").get("downloadUrl").asText());
        assertEquals(EVENT, envelope.get("payload").get("eventId").asLong());

        Timer duration = registry.find("openevent.export.duration").tags("format", "ical", "state", "SUCCESS").timer();
        assertNotNull(duration, "export durations are recorded");
        assertTrue(duration.count() >= 1);
        DistributionSummary size = registry.find("openevent.export.size").tag("format", "ical").summary();
        assertNotNull(size, "export sizes are recorded");
        assertTrue(size.totalAmount() >= bytes.length, size.totalAmount() + " < " + bytes.length);
    }

    @Test
    void aScheduleTheProjectionHasSeenIsExportedWithinTheRequestAndOneItLacksWaitsForARenderer() {
        OffsetDateTime start = OffsetDateTime.parse("2027-06-10T09:00:00+02:00");
        publishEvent(EventFixtures.published(SETTLED_EVENT, IDENTIFIER + "s", "Settled", null, start,
                start.plusDays(1), "America/New_York", null, null, null,
                List.of(new EventPayload.RoleGrant(OWNER, "owner"))), 1);
        for (long session = SETTLED_EVENT + 1; session <= SETTLED_EVENT + 2; session++) {
            publish(Topics.SESSIONS, "session.upserted", "session", session, 1, new SessionPayload(session,
                    SETTLED_EVENT, session - SETTLED_EVENT, "Settled talk " + session, null, null, null, "en", null,
                    "accepted", false, start.plusHours(session - SETTLED_EVENT),
                    start.plusHours(session - SETTLED_EVENT).plusMinutes(30), null, null, null, List.of(), null, null,
                    null, null));
        }
        // Events and sessions come by different topics: either may arrive first.
        await("the settled event's projection", () -> count("select count(*) from session where event_id = $1",
                Tuple.of(SETTLED_EVENT)) == 2
                && count("select count(*) from event_projection_role where event_id = $1",
                        Tuple.of(SETTLED_EVENT)) == 1);
        SessionServiceStub.scheduleVersion(SETTLED_EVENT, 2);
        String token = TestTokens.user(OWNER);
        String requests = KafkaProbe.TEST_TOPIC_PREFIX + Topics.EXPORT_REQUESTS;

        // Every change up to version 2 is in the projection: the answer to the request is a finished task.
        String taskUrl = startExport(IDENTIFIER + "s", token);
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        assertEquals("SUCCESS", text("select state from export_task where id = $1::uuid", Tuple.of(taskId)));
        assertEquals(0, count("select count(*) from outbox_message where topic = $1 and message_key = $2",
                Tuple.of(requests, taskId)), "no renderer was asked");
        JsonNode task = awaitTask(taskUrl, token);
        String download = task.get("result").get("download_url").asText().substring(API.length());
        String ics = given().when().get(download).then().statusCode(200).extract().asString();
        assertTrue(ics.contains("SUMMARY:Settled talk " + (SETTLED_EVENT + 1))
                && ics.contains("SUMMARY:Settled talk " + (SETTLED_EVENT + 2)), ics);

        // Version 3 has not reached the projection: the task waits for it, through a renderer.
        SessionServiceStub.scheduleVersion(SETTLED_EVENT, 3);
        String waitingUrl = startExport(IDENTIFIER + "s", token);
        String waitingId = waitingUrl.substring(waitingUrl.lastIndexOf('/') + 1);
        assertTrue(Set.of("WAITING", "RENDERING").contains(text("select state from export_task where id = $1::uuid",
                Tuple.of(waitingId))));
        assertEquals(1, count("select count(*) from outbox_message where topic = $1 and message_key = $2",
                Tuple.of(requests, waitingId)));
        publish(Topics.SESSIONS, "session.upserted", "session", SETTLED_EVENT + 3, 1, new SessionPayload(
                SETTLED_EVENT + 3, SETTLED_EVENT, 3, "Late talk", null, null, null, "en", null, "accepted", false,
                start.plusHours(4), start.plusHours(5), null, null, null, List.of(), null, null, null, null));
        JsonNode waited = awaitTask(waitingUrl, token);
        assertEquals("SUCCESS", waited.get("state").asText(), waited.toString());
        String later = given().when().get(waited.get("result").get("download_url").asText().substring(API.length()))
                .then().statusCode(200).extract().asString();
        assertTrue(later.contains("SUMMARY:Late talk"), later);
    }

    @Test
    void redeliveredRequestForAFinishedTaskIsNotRenderedAgain() {
        fixture();
        String token = TestTokens.user(OWNER);
        String taskUrl = startExport(IDENTIFIER, token);
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        assertEquals("SUCCESS", awaitTask(taskUrl, token).get("state").asText());
        String completedAt = text("select completed_at::text from export_task where id = $1::uuid", Tuple.of(taskId));
        String fileId = text("select file_id::text from export_task where id = $1::uuid", Tuple.of(taskId));

        String messageId = publish(Topics.EXPORT_REQUESTS, "export.requested", "export-task", taskId, 1,
                new ExportRequestedPayload(taskId, EVENT, "ical", OWNER, 0));
        await("redelivery processed", () -> count("select count(*) from processed_message where message_id = $1",
                Tuple.of(messageId)) == 1);
        assertEquals(completedAt, text("select completed_at::text from export_task where id = $1::uuid", Tuple.of(taskId)));
        assertEquals(fileId, text("select file_id::text from export_task where id = $1::uuid", Tuple.of(taskId)));
        assertEquals(1, count("select count(*) from outbox_message where topic = $1 and message_key = $2",
                Tuple.of(KafkaProbe.TEST_TOPIC_PREFIX + Topics.EXPORT_RESULTS, taskId)));
    }

    @Test
    void renderingErrorMarksTheTaskFailed() {
        fixture();
        String token = TestTokens.user(OWNER);
        String taskUrl = startExport(String.valueOf(BROKEN_EVENT), token);
        JsonNode task = awaitTask(taskUrl, token);
        assertEquals("FAILURE", task.get("state").asText());
        assertTrue(task.get("result").asText().contains("Mars/Olympus"), task.toString());
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        ConsumerRecord<String, String> completed = KafkaProbe.await(bootstrap, Topics.EXPORT_RESULTS,
                r -> taskId.equals(r.key()), DEADLINE);
        assertTrue(completed.value().contains("\"state\":\"FAILURE\""), completed.value());
        assertEquals(0, count("select count(*) from export_task where id = $1::uuid and file_id is not null",
                Tuple.of(taskId)));
    }

    @Test
    void staleSessionSnapshotDoesNotOverwriteANewerOne() {
        fixture();
        long id = BASE + 30;
        publish(Topics.SESSIONS, "session.upserted", "session", id, 5, new SessionPayload(id, EVENT, 0, "Fresh title",
                null, null, null, null, null, "accepted", true, null, null, null, null, null, List.of(), null, null, null,
                null));
        await("fresh snapshot", () -> "Fresh title".equals(text("select title from session where id = $1", Tuple.of(id))));
        String stale = publish(Topics.SESSIONS, "session.upserted", "session", id, 4, new SessionPayload(id, EVENT, 0,
                "Stale title", null, null, null, null, null, "rejected", false, null, null, null, null, null, List.of(),
                null, null, null, null));
        await("stale snapshot consumed", () -> count("select count(*) from processed_message where message_id = $1",
                Tuple.of(stale)) == 1);
        assertEquals("Fresh title", text("select title from session where id = $1", Tuple.of(id)));
        assertEquals("5", text("select version from session where id = $1", Tuple.of(id)));
        assertEquals("accepted", text("select state from session where id = $1", Tuple.of(id)));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopic() {
        String garbage = "not json " + UUID.randomUUID();
        KafkaProbe.send(bootstrap, Topics.EXPORT_REQUESTS, "poison", garbage);
        ConsumerRecord<String, String> dead = KafkaProbe.await(bootstrap, "openevent.export-requests.dlq",
                r -> garbage.equals(r.value()), DEADLINE);
        assertNotNull(dead.headers().lastHeader("dead-letter-reason"));

        String unknownTask = UUID.randomUUID().toString();
        publish(Topics.EXPORT_REQUESTS, "export.requested", "export-task", unknownTask, 1,
                new ExportRequestedPayload(unknownTask, EVENT, "ical", OWNER, 0));
        KafkaProbe.await(bootstrap, "openevent.export-requests.dlq",
                r -> r.value() != null && r.value().contains(unknownTask), DEADLINE);
    }
}
