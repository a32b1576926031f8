package org.openevent.stats.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;
import org.openevent.stats.domain.EventProjection;
import org.openevent.stats.repository.EventProjectionRepository;

/**
 * The admin event statistics, fed with synthetic event snapshots on the real broker. Other modules'
 * tests publish events on the same topic, so assertions compare deltas against a settled baseline and
 * a scenario is retried with fresh ids when foreign traffic interferes. All synthetic records go to one
 * partition so they are consumed in the order sent: once a later "marker" record shows its effect, the
 * records before it (a stale or repeated one) have been processed too.
 */
@QuarkusTest
class AdminStatisticsResourceTests {

    static final String PATH = "/v1/admin/statistics/events";
    static final ObjectMapper JSON = new ObjectMapper();
    static final OffsetDateTime FUTURE = OffsetDateTime.now(ZoneOffset.UTC).plusDays(400);
    static final OffsetDateTime PAST = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
    static final int ATTEMPTS = 3;
    static final Duration WAIT = Duration.ofSeconds(20);

    static KafkaProducer<String, String> producer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EventProjectionRepository projection;

    record Counts(long draft, long published, long past) {
        Counts minus(Counts other) {
            return new Counts(draft - other.draft, published - other.published, past - other.past);
        }
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    // ---------------------------------------------------------------- tests

    @Test
    void onlyAdminsReadEventStatistics() {
        given().when().get(PATH).then().statusCode(401).body("errors[0].status", equalTo("401"));
        given().header("Authorization", "JWT " + TestTokens.user(42)).when().get(PATH).then().statusCode(403)
                .body("errors[0].status", equalTo("403"));
        given().header("Authorization", "JWT " + TestTokens.expired(1)).when().get(PATH).then().statusCode(401);
        given().header("Authorization", "JWT not-a-token").when().get(PATH).then().statusCode(401);
        given().header("Authorization", "JWT " + TestTokens.admin(1))
                .when().get(PATH + "?filterOptions[name]=id&filterOptions[op]=eq&filterOptions[val]=1")
                .then().statusCode(200)
                .contentType("application/vnd.api+json")
                .body("data.type", equalTo("admin-statistics-event"))
                .body("data.id", equalTo("1"))
                .body("data.attributes.draft", notNullValue())
                .body("data.attributes.published", notNullValue())
                .body("data.attributes.past", notNullValue())
                .body("data.links.self", equalTo(PATH))
                .body("links.self", equalTo(PATH))
                .body("jsonapi.version", equalTo("1.0"));
    }

    @Test
    void draftAndPublishedCountUnendedEventsAndPastCountsEndedOnes() {
        scenario("draft/published/past", () -> {
            Counts before = settled();
            send(snapshot(newId(), 1, "draft", FUTURE, null));
            send(snapshot(newId(), 1, "published", FUTURE, null));
            send(snapshot(newId(), 1, "published", PAST, null));
            send(snapshot(newId(), 1, "draft", PAST, null));
            return reaches(before, new Counts(1, 1, 2));
        });
    }

    @Test
    void laterVersionMovesAnEventFromDraftToPublished() {
        scenario("draft to published", () -> {
            Counts before = settled();
            long id = newId();
            send(snapshot(id, 1, "draft", FUTURE, null));
            if (!reaches(before, new Counts(1, 0, 0))) {
                return false;
            }
            send(snapshot(id, 2, "published", FUTURE, null));
            return reaches(before, new Counts(0, 1, 0)) && row(id).version == 2;
        });
    }

    @Test
    void staleVersionIsIgnored() {
        scenario("stale version", () -> {
            Counts before = settled();
            long id = newId();
            send(snapshot(id, 2, "published", FUTURE, null));
            if (!reaches(before, new Counts(0, 1, 0))) {
                return false;
            }
            send(snapshot(id, 1, "draft", PAST, null));
            send(snapshot(newId(), 1, "draft", FUTURE, null));
            // Had the stale snapshot been applied, one more past and one fewer published would show.
            return reaches(before, new Counts(1, 1, 0));
        });
    }

    @Test
    void deletedEventsLeaveTheCounts() {
        scenario("deletion", () -> {
            Counts before = settled();
            long upcoming = newId();
            long ended = newId();
            send(snapshot(upcoming, 1, "published", FUTURE, null));
            send(snapshot(ended, 1, "draft", PAST, null));
            if (!reaches(before, new Counts(0, 1, 1))) {
                return false;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            send(snapshot(upcoming, 2, "published", FUTURE, now));
            send(snapshot(ended, 2, "draft", PAST, now));
            return reaches(before, new Counts(0, 0, 0)) && row(upcoming).deletedAt != null;
        });
    }

    @Test
    void redeliveredMessageIsCountedOnce() {
        scenario("redelivery", () -> {
            Counts before = settled();
            String messageId = UUID.randomUUID().toString();
            long first = newId();
            long reusedId = newId();
            ObjectNode original = snapshot(first, 1, "draft", FUTURE, null).put("messageId", messageId);
            send(original);
            send(original);
            // Same message id, other content: proves deduplication by id, not only by aggregate version.
            send(snapshot(reusedId, 1, "published", FUTURE, null).put("messageId", messageId));
            send(snapshot(newId(), 1, "draft", PAST, null));
            return reaches(before, new Counts(1, 0, 1)) && row(reusedId) == null && row(first).version == 1;
        });
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionContinues() {
        String garbageKey = "poison-" + UUID.randomUUID();
        sendRaw(garbageKey, "this is not an envelope");
        long mismatched = newId();
        ObjectNode wrongPayload = snapshot(mismatched, 1, "draft", FUTURE, null);
        ((ObjectNode) wrongPayload.get("payload")).put("id", mismatched + 1);
        send(wrongPayload);

        KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq", r -> garbageKey.equals(r.key()), Duration.ofSeconds(60));
        KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq", r -> String.valueOf(mismatched).equals(r.key()),
                Duration.ofSeconds(60));
        assertNull(row(mismatched));
        assertNull(row(mismatched + 1));

        scenario("after poison", () -> {
            Counts before = settled();
            send(snapshot(newId(), 1, "published", PAST, null));
            return reaches(before, new Counts(0, 0, 1));
        });
    }

    // ---------------------------------------------------------------- helpers

    /** Runs an attempt up to {@link #ATTEMPTS} times; foreign events arriving mid-attempt spoil only that attempt. */
    static void scenario(String name, BooleanSupplier attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (attempt.getAsBoolean()) {
                return;
            }
        }
        fail("Scenario '" + name + "' did not reach the expected counts in " + ATTEMPTS + " attempts; last counts "
                + counts());
    }

    /** Polls until the counts differ from {@code before} by exactly {@code delta}; false at the deadline. */
    static boolean reaches(Counts before, Counts delta) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (counts().minus(before).equals(delta)) {
                return true;
            }
            pause(200);
        }
        return false;
    }

    /** Counts once they stopped moving (the consumer may still be catching up with the topic). */
    static Counts settled() {
        Counts previous = counts();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            pause(700);
            Counts current = counts();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    static Counts counts() {
        JsonPath json = given().header("Authorization", "JWT " + TestTokens.admin(1))
                .when().get(PATH)
                .then().statusCode(200)
                .extract().jsonPath();
        return new Counts(json.getLong("data.attributes.draft"), json.getLong("data.attributes.published"),
                json.getLong("data.attributes.past"));
    }

    EventProjection row(long id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> projection.findById(id)));
        } catch (Throwable e) {
            throw new AssertionError("Could not read the projection row " + id, e);
        }
    }

    static long newId() {
        return 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    /** An event.upserted envelope as event-service publishes it. */
    static ObjectNode snapshot(long id, long version, String state, OffsetDateTime endsAt, OffsetDateTime deletedAt) {
        ObjectNode payload = JSON.createObjectNode()
                .put("id", id)
                .put("identifier", Long.toHexString(id))
                .put("name", "Synthetic " + id)
                .put("state", state)
                .put("startsAt", endsAt.minusDays(1).toString())
                .put("endsAt", endsAt.toString())
                .put("timezone", "UTC")
                .put("deletedAt", deletedAt == null ? null : deletedAt.toString());
        payload.putArray("roles").addObject().put("userId", 1).put("role", "owner");
        ObjectNode envelope = JSON.createObjectNode()
                .put("messageId", UUID.randomUUID().toString())
                .put("type", "event.upserted")
                .put("schemaVersion", 1)
                .put("aggregateType", "event")
                .put("aggregateId", String.valueOf(id))
                .put("aggregateVersion", version)
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        envelope.set("payload", payload);
        return envelope;
    }

    void send(ObjectNode envelope) {
        sendRaw(envelope.get("aggregateId").asText(), envelope.toString());
    }

    /** Publishes to partition 0 so that the records of one test are consumed in the order sent. */
    void sendRaw(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(KafkaProbe.TEST_TOPIC_PREFIX + Topics.EVENTS, 0, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not publish to " + Topics.EVENTS, e);
        }
    }

    KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
