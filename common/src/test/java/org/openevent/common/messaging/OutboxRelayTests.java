package org.openevent.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.KafkaProbe;

/**
 * The outbox relay against the real database and broker: it wakes on commit (the fallback poll is 30 s here),
 * keeps each key's order, lets every fairness key take turns, is the only relay of its database, and leaves
 * rows unsent while the broker is unreachable.
 */
@QuarkusTest
class OutboxRelayTests {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final long SEED = Long.getLong("openevent.test.seed", System.currentTimeMillis());
    static final Random RANDOM = new Random(SEED);

    static {
        System.out.println("OutboxRelayTests seed " + SEED + " (-Dopenevent.test.seed=...)");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "openevent.messaging.topic-prefix")
    String prefix;

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Test
    void aCommittedMessageIsPublishedWithinASecondAlthoughThePollIsThirtySeconds() throws Exception {
        awaitActive();
        String run = "latency-" + RANDOM.nextInt(1_000_000);
        List<Long> millis = new ArrayList<>();
        try (KafkaProbe.Tail tail = KafkaProbe.tail(bootstrap, "openevent.relay-latency")) {
            for (int i = 0; i < 30; i++) {
                String key = run + "-" + i;
                int n = i;
                long start = System.nanoTime();
                onVertx(() -> Panache.withTransaction(() -> outbox.publish("openevent.relay-latency", "probe.upserted",
                        "probe", key, 1, Map.of("n", n))));
                tail.await(record -> key.equals(record.key()), Duration.ofSeconds(10));
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
        millis.sort(Long::compare);
        long p50 = millis.get(millis.size() / 2);
        long max = millis.get(millis.size() - 1);
        System.out.printf("Outbox commit-to-record latency over %d commits: p50 %d ms, max %d ms%n",
                millis.size(), p50, max);
        assertTrue(max < 1_000, "slowest commit took " + max + " ms to reach Kafka: " + millis);
    }

    @Test
    void eachKeyKeepsItsOrderAndASmallKeyIsNotStarvedByABulkOne() throws Exception {
        awaitActive();
        String run = "fair-" + RANDOM.nextInt(1_000_000);
        String topic = prefix + "openevent.relay-order";
        String bulk = run + "-bulk";
        List<String> small = List.of(run + "-b", run + "-c", run + "-d");
        int bulkRows = 1_200;
        try (KafkaProbe.Tail tail = KafkaProbe.tail(bootstrap, "openevent.relay-order")) {
            // One transaction: the relay's first round sees the bulk backlog and the small keys at once.
            pool.withTransaction(connection -> insert(connection, topic, bulk, bulkRows)
                    .flatMap(ignored -> insert(connection, topic, small.get(0), 3))
                    .flatMap(ignored -> insert(connection, topic, small.get(1), 3))
                    .flatMap(ignored -> insert(connection, topic, small.get(2), 3)))
                    .await().atMost(Duration.ofSeconds(30));

            List<ConsumerRecord<String, String>> records = tail.collect(bulkRows + 9,
                    record -> record.key().startsWith(run), TIMEOUT);
            List<Long> bulkOrder = records.stream().filter(r -> bulk.equals(r.key())).map(this::n).toList();
            assertEquals(LongStream.rangeClosed(1, bulkRows).boxed().toList(), bulkOrder, "one key's order on Kafka");
            for (String key : small) {
                assertEquals(List.of(1L, 2L, 3L), records.stream().filter(r -> key.equals(r.key())).map(this::n).toList());
            }
        }
        // Rows of one round share sent_at (one UPDATE); the batch size is 100 in the test profile.
        List<Row> rounds = rows("SELECT sent_at, count(*) FILTER (WHERE fairness_key = $2) AS bulk, "
                + "count(*) FILTER (WHERE fairness_key <> $2) AS small FROM outbox_message "
                + "WHERE topic = $1 AND fairness_key LIKE $3 GROUP BY sent_at ORDER BY sent_at",
                Tuple.of(topic, bulk, run + "-%"));
        assertTrue(rounds.size() >= bulkRows / 100, "the bulk key needed at least 12 rounds: " + rounds.size());
        assertEquals(9L, rounds.get(0).getLong("small"), "every small key's rows went out in the first round");
        assertEquals(91L, rounds.get(0).getLong("bulk"), "the rest of the first round belonged to the bulk key");
    }

    @Test
    void onlyOneRelayHoldsTheDatabasesRelayLock() throws Exception {
        awaitActive();
        Boolean second = pool.withConnection(connection -> connection
                        .preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(OutboxRelay.LEADER_LOCK))
                        .map(rows -> rows.iterator().next().getBoolean(0))
                        .call(won -> won ? connection.preparedQuery("SELECT pg_advisory_unlock($1)")
                                .execute(Tuple.of(OutboxRelay.LEADER_LOCK)) : Uni.createFrom().voidItem()))
                .await().atMost(Duration.ofSeconds(10));
        assertFalse(second, "a second relay of the same database must not get the lock");
    }

    @Test
    void rowsStayUnsentWhileTheBrokerIsUnreachableAndGoOutInOrderAfterwards() throws Exception {
        awaitActive();
        String key = "outage-" + RANDOM.nextInt(1_000_000);
        String topic = prefix + "openevent.relay-outage";
        double failuresBefore = registry.counter("openevent.outbox.send.failures").count();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        try (KafkaProbe.Tail tail = KafkaProbe.tail(bootstrap, "openevent.relay-outage")) {
            relay.useBootstrapServers("127.0.0.1:" + deadPort);
            pool.withTransaction(connection -> insert(connection, topic, key, 5)).await().atMost(Duration.ofSeconds(10));
            await("a failed send", () -> registry.counter("openevent.outbox.send.failures").count() > failuresBefore);
            relay.tick();
            await("the backlog gauge", () -> registry.get("openevent.outbox.backlog").gauge().value() >= 5);
            assertEquals(5L, unsent(topic, key), "nothing is marked sent without the broker's acknowledgement");
            assertTrue(registry.get("openevent.outbox.oldest.unsent.seconds").gauge().value() > 0);

            relay.useBootstrapServers(bootstrap);
            relay.tick();
            List<ConsumerRecord<String, String>> records = tail.collect(5, r -> key.equals(r.key()), TIMEOUT);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), records.stream().map(this::n).toList());
            await("rows marked sent", () -> unsent(topic, key) == 0);
        } finally {
            relay.useBootstrapServers(bootstrap);
        }
    }

    @Test
    void whenTheActiveRelayLosesItsConnectionItTakesOverAgainAndKeepsRelaying() throws Exception {
        awaitActive();
        // A bigint advisory lock shows in pg_locks as classid (high half) and objid (low half); every database
        // (each service's) has its own relay lock, so only this database's holder counts.
        Tuple key = Tuple.of(OutboxRelay.LEADER_LOCK >>> 32, OutboxRelay.LEADER_LOCK & 0xffffffffL);
        List<Row> holders = rows(HOLDERS, key);
        assertEquals(1, holders.size(), "exactly one connection holds the relay lock");
        rows("SELECT pg_terminate_backend($1)", Tuple.of(holders.get(0).getInteger("pid")));
        await("the relay to notice", () -> !relay.isActive());

        relay.tick(); // what the fallback poll does within its interval
        awaitActive();
        assertEquals(1, rows(HOLDERS, key).size());
        String run = "takeover-" + RANDOM.nextInt(1_000_000);
        try (KafkaProbe.Tail tail = KafkaProbe.tail(bootstrap, "openevent.relay-takeover")) {
            long start = System.nanoTime();
            pool.withTransaction(connection -> insert(connection, prefix + "openevent.relay-takeover", run, 1))
                    .await().atMost(Duration.ofSeconds(10));
            tail.await(record -> run.equals(record.key()), Duration.ofSeconds(5));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1_000, "woken on commit through the new LISTEN connection, not the 30 s poll: " + millis);
        }
    }

    @Test
    void drainsABacklogOfTenThousandRowsSpreadOverAHundredKeys() throws Exception {
        awaitActive();
        String run = "backlog-" + RANDOM.nextInt(1_000_000);
        String topic = prefix + "openevent.relay-backlog";
        int rows = 10_000;
        try (KafkaProbe.Tail tail = KafkaProbe.tail(bootstrap, "openevent.relay-backlog")) {
            long start = System.nanoTime();
            pool.preparedQuery("INSERT INTO outbox_message (id, topic, message_key, fairness_key, envelope, created_at) "
                            + "SELECT gen_random_uuid(), $1, $2 || (n % 100), $2 || (n % 100), "
                            + "json_build_object('n', n)::text, now() FROM generate_series(1, $3) AS n ORDER BY n")
                    .execute(Tuple.of(topic, run + "-", rows)).await().atMost(Duration.ofSeconds(30));
            await("the backlog to drain", () -> unsentOf(topic) == 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Outbox relay drained %d rows (batch size 100) in %.2f s: %.0f rows/s%n",
                    rows, seconds, rows / seconds);
            List<ConsumerRecord<String, String>> records = tail.collect(rows, r -> r.key().startsWith(run), TIMEOUT);
            assertEquals(rows, records.stream().map(ConsumerRecord::value).distinct().count());
        }
    }

    static final String HOLDERS = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND classid::bigint = $1 AND objid::bigint = $2";

    private Uni<Void> insert(io.vertx.mutiny.sqlclient.SqlConnection connection, String topic, String key, int rows) {
        return connection.preparedQuery("INSERT INTO outbox_message (id, topic, message_key, fairness_key, envelope, "
                        + "created_at) SELECT gen_random_uuid(), $1, $2, $2, json_build_object('n', n)::text, now() "
                        + "FROM generate_series(1, $3) AS n ORDER BY n")
                .execute(Tuple.of(topic, key, rows)).replaceWithVoid();
    }

    private long n(ConsumerRecord<String, String> record) {
        try {
            JsonNode node = mapper.readTree(record.value());
            return node.has("payload") ? node.get("payload").get("n").asLong() : node.get("n").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long unsentOf(String topic) {
        return rows("SELECT count(*) FROM outbox_message WHERE topic = $1 AND sent_at IS NULL", Tuple.of(topic))
                .get(0).getLong(0);
    }

    private long unsent(String topic, String key) {
        return rows("SELECT count(*) FROM outbox_message WHERE topic = $1 AND message_key = $2 AND sent_at IS NULL",
                Tuple.of(topic, key)).get(0).getLong(0);
    }

    private List<Row> rows(String sql, Tuple args) {
        List<Row> result = new ArrayList<>();
        pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10)).forEach(result::add);
        return result;
    }

    private void awaitActive() throws InterruptedException {
        await("the relay to be active", relay::isActive);
    }

    /** Runs Hibernate Reactive work the way a request does: on a safe duplicated Vert.x context. */
    private <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result.get(10, TimeUnit.SECONDS);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
