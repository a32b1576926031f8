package org.openevent.export.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.EventPayload;
import org.openevent.export.EventFixtures;
import org.openevent.common.contract.ExportRequestedPayload;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.Topics;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;
import org.openevent.common.testing.OwnerStandIn;
import org.openevent.export.SessionServiceStub;
import org.openevent.export.repository.ExportFileRepository;
import org.openevent.export.testing.OnVertx;

/**
 * An export contains every schedule change committed before it was requested (the renderer waits for the
 * projection's watermark to reach the task's schedule version, and fails clearly when it does not arrive in time),
 * rendering holds no transaction, and however many consumers receive one request there is one file and one result.
 * session-service is the {@link SessionServiceStub}; the freshness timeout is 3 s here.
 */
@QuarkusTest
@WithTestResource(SessionServiceStub.class)
@WithTestResource(OwnerStandIn.class)
class ExportFreshnessAndClaimTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final long SEED = Long.getLong("openevent.test.seed", System.currentTimeMillis());
    static final Random RANDOM = new Random(SEED);
    static final OffsetDateTime START = OffsetDateTime.parse("2027-09-01T09:00:00Z");

    static {
        System.out.println("ExportFreshnessAndClaimTests seed " + SEED + " (-Dopenevent.test.seed=...)");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    ExportService exports;

    @Inject
    Vertx vertx;

    @Inject
    ExportFileRepository files;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void anExportRequestedRightAfterABurstOfOutOfOrderChangesContainsThemAll() throws Exception {
        long event = newEvent();
        long owner = event + 1;
        int sessions = 12;
        // Versions 1 (track) and 2 (room), then one per session; the burst goes out newest first, one key each,
        // so the partitions deliver them in no particular order.
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        burst.add(record(Topics.SESSIONS, "track.upserted", "track", event + 10, 1,
                new TrackPayload(event + 10, event, 1, "Main", null, null, null)));
        burst.add(record(Topics.SESSIONS, "microlocation.upserted", "microlocation", event + 11, 1,
                new MicrolocationPayload(event + 11, event, 2, "Room 1", null, null, null, null)));
        for (int i = 0; i < sessions; i++) {
            long id = event + 100 + i;
            SessionPayload talk = session(id, event, 3 + i, "Talk " + i, START.plusHours(i));
            burst.add(record(Topics.SESSIONS, "session.upserted", "session", id, 1, new SessionPayload(id, event,
                    talk.scheduleVersion(), talk.title(), null, null, null, "en", null, "accepted", true,
                    talk.startsAt(), talk.endsAt(), event + 10, event + 11, null, List.of(), null, null, null, null)));
        }
        Collections.reverse(burst);
        SessionServiceStub.scheduleVersion(event, 2 + sessions);
        send(burst);

        String taskUrl = startExport(event, owner);
        JsonNode task = awaitTask(taskUrl, owner);
        assertEquals("SUCCESS", task.get("state").asText(), task.toString());
        byte[] file = given().when().get(path(task.get("result").get("download_url").asText()))
                .then().statusCode(200).extract().asByteArray();
        String ics = new String(file, java.nio.charset.StandardCharsets.UTF_8);
        List<VEvent> events = Biweekly.parse(ics).first().getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith("session-")).toList();
        assertEquals(sessions, events.size(), "every session committed before the request");
        // The plan knows its file's size from the pass that made it (the metric reads it): byte for byte.
        String fileId = text("SELECT file_id::text FROM export_task WHERE id = $1::uuid",
                taskUrl.substring(taskUrl.lastIndexOf('/') + 1));
        assertEquals(file.length, onVertx(() -> files.find(java.util.UUID.fromString(fileId))).plan().size());
        assertTrue(events.stream().allMatch(e -> e.getLocation() != null
                && e.getLocation().getValue().startsWith("Room 1")), ics);
        assertTrue(events.stream().allMatch(e -> "Main".equals(e.getCategories().get(0).getValues().get(0))), ics);
        assertEquals(2L + sessions, count("SELECT version FROM schedule_watermark WHERE event_id = $1", event));
        assertEquals(0L, count("SELECT count(*) FROM schedule_version_seen WHERE event_id = $1", event));
    }

    @Test
    void anExportWhoseScheduleVersionNeverArrivesFailsWithAClearMessage() throws Exception {
        long event = newEvent();
        long owner = event + 1;
        List<ProducerRecord<String, String>> changes = new ArrayList<>();
        for (long version : new long[] {1, 2, 4, 5}) {
            long id = event + 100 + version;
            changes.add(record(Topics.SESSIONS, "session.upserted", "session", id, 1,
                    session(id, event, version, "Talk " + version, START)));
        }
        send(changes);
        SessionServiceStub.scheduleVersion(event, 5);
        await("versions 1, 2, 4 and 5 seen", () -> count("SELECT count(*) FROM session WHERE event_id = $1", event) == 4);

        long started = System.nanoTime();
        JsonNode task = awaitTask(startExport(event, owner), owner);
        assertEquals("FAILURE", task.get("state").asText(), task.toString());
        assertTrue(task.get("result").asText().contains("up to version 2 of 5"), task.toString());
        assertTrue(System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(3), "it waited the freshness timeout");
        assertEquals(0L, count("SELECT count(*) FROM export_task WHERE event_id = $1 AND file_id IS NOT NULL", event));
    }

    @Test
    void withoutAnAnswerFromSessionServiceTheRequestIsA503AndNoTaskExists() throws Exception {
        long event = newEvent();
        SessionServiceStub.failing(true);
        try {
            given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(event + 1)))
                    .when().get("/v1/events/" + event + "/export/ical")
                    .then().statusCode(503).body("errors[0].status", equalTo("503"));
        } finally {
            SessionServiceStub.failing(false);
        }
        assertEquals(0L, count("SELECT count(*) FROM export_task WHERE event_id = $1", event));
    }

    @Test
    void aSecondConsumerOfTheSameRequestNeitherRendersNorPublishesAgain() throws Exception {
        long event = newEvent();
        long owner = event + 1;
        long sessionId = event + 100;
        send(List.of(record(Topics.SESSIONS, "session.upserted", "session", sessionId, 1,
                session(sessionId, event, 1, "First", START))));
        // The export needs version 2, which is held back: the first consumer claims the task and waits.
        SessionServiceStub.scheduleVersion(event, 2);
        String taskUrl = startExport(event, owner);
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        await("the first consumer's claim", () -> "RENDERING".equals(text(
                "SELECT state FROM export_task WHERE id = $1::uuid", taskId)));
        given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(owner))).when().get(taskUrl)
                .then().statusCode(200).body("state", equalTo("WAITING"));

        // Another replica receives the same request (a redelivery with another message id, or the same one).
        ExportRequestedPayload request = new ExportRequestedPayload(taskId, event, "ical", owner, 2);
        onVertx(() -> exports.process(request));
        assertEquals("RENDERING", text("SELECT state FROM export_task WHERE id = $1::uuid", taskId));

        send(List.of(record(Topics.SESSIONS, "session.upserted", "session", sessionId + 1, 1,
                session(sessionId + 1, event, 2, "Second", START.plusHours(1)))));
        JsonNode task = awaitTask(taskUrl, owner);
        assertEquals("SUCCESS", task.get("state").asText(), task.toString());
        send(List.of(record(Topics.EXPORT_REQUESTS, "export.requested", "export-task", taskId, 1, request)));
        onVertx(() -> exports.process(request));

        assertExactlyOneResult(taskId);
        String ics = given().when().get(path(task.get("result").get("download_url").asText())).then().extract().asString();
        assertEquals(3, Biweekly.parse(ics).first().getEvents().size(), "the event and its two sessions");
    }

    @Test
    void concurrentConsumersOfOneRequestProduceOneFileAndOneResult() throws Exception {
        long event = newEvent();
        long owner = event + 1;
        send(List.of(record(Topics.SESSIONS, "session.upserted", "session", event + 100, 1,
                session(event + 100, event, 1, "Only", START))));
        await("the session", () -> count("SELECT count(*) FROM session WHERE event_id = $1", event) == 1);
        String taskUrl = startExport(event, owner);
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        ExportRequestedPayload request = new ExportRequestedPayload(taskId, event, "ical", owner, 0);
        // Two more consumers race the Kafka consumer for the same task.
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> onVertx(() -> exports.process(request)));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> onVertx(() -> exports.process(request)));
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertEquals("SUCCESS", awaitTask(taskUrl, owner).get("state").asText());
        assertExactlyOneResult(taskId);
    }

    @Test
    void aTaskAbandonedByACrashedRendererIsRenderedAgainAfterItsLease() throws Exception {
        long event = newEvent();
        long owner = event + 1;
        send(List.of(record(Topics.SESSIONS, "session.upserted", "session", event + 100, 1,
                session(event + 100, event, 1, "Survivor", START))));
        await("the session", () -> count("SELECT count(*) FROM session WHERE event_id = $1", event) == 1);
        UUID taskId = UUID.randomUUID();
        // What a renderer that died mid-way leaves behind: a claim whose lease has run out, and no result.
        pool.preparedQuery("INSERT INTO export_task (id, event_id, format, requested_by, state, created_at, updated_at, "
                        + "claim_token, claim_expires_at) VALUES ($1, $2, 'ical', $3, 'RENDERING', now(), now(), $4, "
                        + "now() - interval '1 minute')")
                .execute(Tuple.of(taskId, event, owner, UUID.randomUUID())).await().atMost(Duration.ofSeconds(10));
        onVertx(() -> exports.resumeAbandoned());
        assertEquals("SUCCESS", text("SELECT state FROM export_task WHERE id = $1::uuid", taskId.toString()));
        assertExactlyOneResult(taskId.toString());
    }

    @Test
    void aTaskRequestThatPrefersToWaitIsAnsweredWhenTheTaskFinishes() throws Exception {
        // Version 2 is held back, so each task stays WAITING until it is sent (and fails 3 s after its claim).
        long event = heldBackEvent();
        long owner = event + 1;
        String taskUrl = claimedExport(event, owner);
        CompletableFuture<io.restassured.response.Response> waiting = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", TestTokens.jwtHeader(TestTokens.user(owner)))
                .header("Prefer", "respond-async, wait=20").when().get(taskUrl));
        // While the task waits for its version, so does the request: no answer within 300 ms.
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.TimeoutException.class,
                () -> waiting.get(300, TimeUnit.MILLISECONDS), "still waiting while the task is");
        await("the gauge counting one waiting request", () -> waitingGauge() == 1.0);
        long sent = System.nanoTime();
        send(List.of(record(Topics.SESSIONS, "session.upserted", "session", event + 101, 1,
                session(event + 101, event, 2, "Second", START.plusHours(1)))));
        io.restassured.response.Response answer = waiting.get(30, TimeUnit.SECONDS);
        long afterSend = System.nanoTime() - sent;
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("SUCCESS", answer.jsonPath().getString("state"), answer.asString());
        assertEquals("wait=20", answer.header("Preference-Applied"));
        assertTrue(afterSend < TimeUnit.SECONDS.toNanos(3), "answered " + afterSend / 1_000_000
                + " ms after the missing change was sent, in one request");
        await("the gauge counting no waiting request", () -> waitingGauge() == 0.0);
    }

    double waitingGauge() {
        return meters.get("openevent.export.task.waiting").gauge().value();
    }

    @Test
    void aWaitThatRunsOutAnswersWaitingAndOthersTasksAreA404AtOnce() throws Exception {
        long event = heldBackEvent();
        long owner = event + 1;
        String taskUrl = claimedExport(event, owner);
        long started = System.nanoTime();
        given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(owner))).header("Prefer", "wait=1")
                .when().get(taskUrl).then().statusCode(200).header("Preference-Applied", "wait=1")
                .body("state", equalTo("WAITING"));
        long waited = System.nanoTime() - started;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(950) && waited < TimeUnit.SECONDS.toNanos(2),
                "waited " + waited / 1_000_000 + " ms");
        // Waiting on someone else's task would tell it exists: it is the same immediate 404 as an unknown one.
        started = System.nanoTime();
        given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(owner + 7))).header("Prefer", "wait=20")
                .when().get(taskUrl).then().statusCode(404);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1), "no wait before the 404");
        // A preference that is not a number of seconds is ignored: an ordinary answer, nothing applied.
        given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(owner))).header("Prefer", "wait=soon")
                .when().get(taskUrl).then().statusCode(200).header("Preference-Applied", org.hamcrest.Matchers.nullValue());
        // A wait beyond the limit is cut to it, and a failure ends it as a success would (the version never comes:
        // the task fails 3 s after its claim).
        io.restassured.response.Response failed = given()
                .header("Authorization", TestTokens.jwtHeader(TestTokens.user(owner))).header("Prefer", "wait=999999")
                .when().get(taskUrl);
        assertEquals("wait=20", failed.header("Preference-Applied"));
        assertEquals("FAILURE", failed.jsonPath().getString("state"), failed.asString());
    }

    /** An event with its version-1 session projected and a schedule version of 2 that is never sent. */
    long heldBackEvent() throws Exception {
        long event = newEvent();
        send(List.of(record(Topics.SESSIONS, "session.upserted", "session", event + 100, 1,
                session(event + 100, event, 1, "First", START))));
        SessionServiceStub.scheduleVersion(event, 2);
        return event;
    }

    /** Starts an export and waits until a renderer has claimed it (and waits for its schedule version). */
    String claimedExport(long event, long owner) throws Exception {
        String taskUrl = startExport(event, owner);
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        await("the claim", () -> "RENDERING".equals(text("SELECT state FROM export_task WHERE id = $1::uuid",
                taskId)));
        return taskUrl;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The path of an absolute link on the API's public base (the tests' server listens elsewhere). */
    static String path(String url) {
        assertTrue(url.startsWith("https://api.openevent.test/"), url);
        return url.substring("https://api.openevent.test".length());
    }

    void assertExactlyOneResult(String taskId) throws Exception {
        assertEquals(1L, count("SELECT count(*) FROM export_task t JOIN export_file f ON f.id = t.file_id "
                + "WHERE t.id = $1::uuid", taskId), "one file");
        assertEquals(1L, count("SELECT count(*) FROM outbox_message WHERE topic = $1 AND message_key = $2",
                Tuple.of(KafkaProbe.topicPrefix() + Topics.EXPORT_RESULTS, taskId)), "one export.completed");
    }

    long newEvent() throws Exception {
        long event = 7_000_000_000L + RANDOM.nextInt(1_000_000_000) * 1000L;
        EventPayload payload = EventFixtures.published(event, "f" + Long.toHexString(event), "Freshness " + event,
                null, START, START.plusDays(1), "UTC", "Hall", null, null,
                List.of(new EventPayload.RoleGrant(event + 1, "owner")));
        send(List.of(record(Topics.EVENTS, "event.upserted", "event", event, 1, payload)));
        await("event " + event, () -> count("SELECT count(*) FROM event_projection_role WHERE event_id = $1", event) == 1);
        return event;
    }

    static SessionPayload session(long id, long event, long scheduleVersion, String title, OffsetDateTime start) {
        return new SessionPayload(id, event, scheduleVersion, title, null, null, null, "en", null, "accepted", true,
                start, start.plusMinutes(45), null, null, null, List.of(), null, null, null, null);
    }

    ProducerRecord<String, String> record(String topic, String type, String aggregateType, Object id, long version,
                                          Object payload) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("messageId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", String.valueOf(id));
        envelope.put("aggregateVersion", version);
        envelope.put("occurredAt", OffsetDateTime.now().toString());
        envelope.put("payload", mapper.valueToTree(payload));
        return new ProducerRecord<>(KafkaProbe.topicPrefix() + topic, String.valueOf(id),
                mapper.writeValueAsString(envelope));
    }

    /** Publishes records back to back through one producer and waits for all acknowledgements. */
    void send(List<ProducerRecord<String, String>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    static String startExport(long event, long user) {
        return given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(user)))
                .when().get("/v1/events/" + event + "/export/ical")
                .then().statusCode(200).extract().path("task_url");
    }

    JsonNode awaitTask(String taskUrl, long user) throws Exception {
        JsonNode[] last = new JsonNode[1];
        await("task " + taskUrl, () -> {
            String body = given().header("Authorization", TestTokens.jwtHeader(TestTokens.user(user)))
                    .when().get(taskUrl).then().statusCode(200).extract().asString();
            try {
                last[0] = mapper.readTree(body);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return !"WAITING".equals(last[0].get("state").asText());
        });
        return last[0];
    }

    long count(String sql, Object arg) {
        return count(sql, Tuple.of(arg));
    }

    long count(String sql, Tuple args) {
        var rows = pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : rows.iterator().next().getLong(0);
    }

    String text(String sql, String arg) {
        var rows = pool.preparedQuery(sql).execute(Tuple.of(arg)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : String.valueOf(rows.iterator().next().getValue(0));
    }

    <T> T onVertx(Supplier<Uni<T>> work) {
        return OnVertx.run(vertx, work);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
