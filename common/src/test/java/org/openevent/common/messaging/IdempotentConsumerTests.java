package org.openevent.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.KafkaProbe;

/**
 * The consumer kit against the real broker and database: a message applies once however often it arrives, an
 * older snapshot never overwrites a newer one, transient failures are retried, and poison goes to {@code .dlq}
 * (counted by reason).
 */
@QuarkusTest
class IdempotentConsumerTests {

    static final String TOPIC = "openevent.probe";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    // Ids differ per run (records of earlier runs stay on the topic); a failing run is replayed with its seed.
    static final long SEED = Long.getLong("openevent.test.seed", System.currentTimeMillis());
    static final Random RANDOM = new Random(SEED);

    static {
        System.out.println("IdempotentConsumerTests seed " + SEED + " (-Dopenevent.test.seed=...)");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void aRedeliveredMessageIsAppliedOnce() throws Exception {
        long id = nextId();
        String first = envelope(UUID.randomUUID().toString(), UPSERTED_TYPE, id, 1, new ProbePayload(id, "one", 0, null));
        send(id, first);
        send(id, first);
        // Same key, same partition: once version 2 is in, both copies of version 1 were consumed before it.
        send(id, envelope(UUID.randomUUID().toString(), UPSERTED_TYPE, id, 2, new ProbePayload(id, "two", 0, null)));
        await("version 2 of " + id, () -> "2".equals(text("SELECT version FROM probe_row WHERE id = $1", id)));
        assertEquals("2", text("SELECT applied FROM probe_row WHERE id = $1", id), "the duplicate was skipped");
        assertEquals(2, ProbeConsumer.ATTEMPTS.get(id).get(), "the handler ran for version 1 once and for version 2");
    }

    @Test
    void anOlderSnapshotArrivingLateIsIgnored() throws Exception {
        long id = nextId();
        send(id, envelope(UUID.randomUUID().toString(), UPSERTED_TYPE, id, 5, new ProbePayload(id, "fresh", 0, null)));
        String stale = UUID.randomUUID().toString();
        send(id, envelope(stale, UPSERTED_TYPE, id, 3, new ProbePayload(id, "stale", 0, OffsetDateTime.now())));
        await("stale message consumed", () -> text("SELECT message_id FROM processed_message WHERE message_id = $1",
                stale) != null);
        assertEquals("fresh", text("SELECT name FROM probe_row WHERE id = $1", id));
        assertEquals("5", text("SELECT version FROM probe_row WHERE id = $1", id));
        assertNull(text("SELECT deleted_at FROM probe_row WHERE id = $1", id));
    }

    @Test
    void aTransientFailureIsRetriedUntilItSucceeds() throws Exception {
        long id = nextId();
        send(id, envelope(UUID.randomUUID().toString(), UPSERTED_TYPE, id, 1, new ProbePayload(id, "flaky", 2, null)));
        await("flaky message applied", () -> "flaky".equals(text("SELECT name FROM probe_row WHERE id = $1", id)));
        assertEquals(3, ProbeConsumer.ATTEMPTS.get(id).get(), "two failed attempts, then success");
        assertEquals("1", text("SELECT applied FROM probe_row WHERE id = $1", id));
    }

    @Test
    void poisonAndExhaustedRetriesGoToTheDeadLetterTopic() throws Exception {
        double poisonBefore = deadLettered("poison");
        double exhaustedBefore = deadLettered("retries-exhausted");
        try (KafkaProbe.Tail dlq = KafkaProbe.tail(bootstrap, TOPIC + ".dlq")) {
            String garbage = "not json " + RANDOM.nextLong();
            KafkaProbe.send(bootstrap, TOPIC, "garbage", garbage);
            assertNotNull(dlq.await(r -> garbage.equals(r.value()), TIMEOUT).headers().lastHeader("dead-letter-reason"));

            long misfit = nextId();
            String wrongShape = envelope(UUID.randomUUID().toString(), UPSERTED_TYPE, misfit, 1,
                    java.util.Map.of("id", "not a number"));
            send(misfit, wrongShape);
            dlq.await(r -> wrongShape.equals(r.value()), TIMEOUT);

            long hopeless = nextId();
            String failing = envelope(UUID.randomUUID().toString(), UPSERTED_TYPE, hopeless, 1,
                    new ProbePayload(hopeless, "never", 100, null));
            send(hopeless, failing);
            dlq.await(r -> failing.equals(r.value()), TIMEOUT);
            assertEquals(4, ProbeConsumer.ATTEMPTS.get(hopeless).get(), "one attempt and three retries");
            assertNull(text("SELECT name FROM probe_row WHERE id = $1", hopeless));
        }
        await("the dead letters to be counted", () -> deadLettered("poison") == poisonBefore + 2
                && deadLettered("retries-exhausted") == exhaustedBefore + 1);
    }

    /** openevent_messages_dead_lettered_total of the probe channel for one reason. */
    double deadLettered(String reason) {
        Counter counter = registry.find("openevent.messages.dead.lettered").tag("channel", "probe-in")
                .tag("topic", KafkaProbe.TEST_TOPIC_PREFIX + TOPIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTypeWithoutHandlerIsSkipped() throws Exception {
        long id = nextId();
        String other = UUID.randomUUID().toString();
        send(id, envelope(other, "probe.renamed", id, 1, new ProbePayload(id, "other", 0, null)));
        await("unknown type consumed", () -> text("SELECT message_id FROM processed_message WHERE message_id = $1",
                other) != null);
        assertNull(text("SELECT name FROM probe_row WHERE id = $1", id));
    }

    @Test
    void theConsumersLagIsExported() throws Exception {
        // Quarkus' Micrometer Kafka binder exports each consumer's client metrics (kafka_consumer_fetch_manager_*).
        await("the consumer's lag metric", () -> !registry.find("kafka.consumer.fetch.manager.records.lag.max")
                .meters().isEmpty());
    }

    static final String UPSERTED_TYPE = ProbeConsumer.UPSERTED;

    static synchronized long nextId() {
        return 1_000_000L + RANDOM.nextInt(1_000_000_000);
    }

    String envelope(String messageId, String type, long id, long version, Object payload) throws Exception {
        return mapper.writeValueAsString(new Envelope(messageId, type, 1, "probe", String.valueOf(id), version,
                OffsetDateTime.now(), mapper.valueToTree(payload)));
    }

    void send(long key, String value) {
        KafkaProbe.send(bootstrap, TOPIC, String.valueOf(key), value);
    }

    String text(String sql, Object arg) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(arg)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 || rows.iterator().next().getValue(0) == null ? null
                : String.valueOf(rows.iterator().next().getValue(0));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
