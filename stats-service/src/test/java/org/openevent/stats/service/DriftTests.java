package org.openevent.stats.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.stats.Messages;
import org.openevent.stats.World;
import org.openevent.stats.messaging.StatisticsConsumer;
import org.openevent.stats.repository.ReplayRepository;

/**
 * Exact under faults: a random platform's messages, delivered out of order and more than once, through a service
 * that crashes inside transactions and between messages, leave figures that a rebuild from the topics confirms
 * exactly. The rebuild (the reconciliation command) replays everything this test run published, every test class's
 * messages included, so it checks them all.
 */
@QuarkusTest
class DriftTests {

    /** Fixed so a failure can be replayed; -Dstats.drift.seed=<n> tries another world. */
    static final long SEED = Long.getLong("stats.drift.seed", 20_261_201L);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    StatisticsConsumer statistics;

    Messages messages;

    @BeforeEach
    void connect() {
        messages = new Messages(bootstrap, pool);
    }

    @AfterEach
    void disconnect() {
        messages.close();
    }

    @Test
    void crashesRedeliveriesAndReorderingLeaveNoDrift() throws Exception {
        System.out.println("DriftTests seed: " + SEED);
        Random random = new Random(SEED);
        List<ObjectNode> deliveries = World.generate(SEED);
        int half = deliveries.size() / 2;

        // The service's first life: it takes the first half in, crashing inside some transactions (nothing of those
        // stays) and dying before it commits any offset, so every one of these comes again below.
        int crashes = 0;
        for (ObjectNode envelope : deliveries.subList(0, half)) {
            String record = envelope.toString();
            if (random.nextInt(3) == 0 && !processed(envelope)) {
                assertThrows(PoisonMessageException.class, () -> crashInside(record));
                assertFalse(processed(envelope), "a crashed transaction leaves no trace");
                crashes++;
            }
            deliver(record);
            if (random.nextInt(5) == 0) {
                deliver(record);
            }
        }

        // Restarted: everything arrives through the topics, while a second consumer races the live ones over the
        // second half (as after a rebalance, two consumers can hold the same records).
        CompletableFuture<Void> racing = CompletableFuture.runAsync(() ->
                deliveries.subList(half, deliveries.size()).forEach(envelope -> deliver(envelope.toString())));
        deliveries.forEach(messages::publish);
        racing.get();
        messages.settle();

        JsonPath report = reconcile();
        System.out.println("DriftTests: " + deliveries.size() + " deliveries, " + crashes + " crashes, "
                + report.getLong("compared") + " figures compared");
        assertEquals(0, report.getLong("drifted"), () -> "Drift: " + report.getList("drift"));
        assertTrue(report.getBoolean("settled"));
        assertTrue(report.getLong("compared") > 300, "a world of this size has hundreds of figures");
        assertTrue(crashes > 50);
        assertEquals(0L, pool.query("""
                        WITH counted AS (
                            SELECT l.speaker_id, s.state, count(*)::integer AS sessions
                            FROM stat_session_speaker l
                            JOIN stat_session s ON s.id = l.session_id AND s.state IS NOT NULL
                            GROUP BY l.speaker_id, s.state)
                        SELECT count(*) FROM (
                            (SELECT * FROM counted EXCEPT SELECT * FROM stat_speaker_state)
                            UNION ALL (SELECT * FROM stat_speaker_state EXCEPT SELECT * FROM counted)) x""")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0),
                "the speakers' per-state counts equal a recount of their links");
        Map<String, Integer> replayed = report.getMap("replayed");
        assertTrue(replayed.get("openevent.sessions") >= deliveries.stream()
                .filter(envelope -> Messages.topicOf(envelope.get("type").asText()).equals("openevent.sessions"))
                .count());
    }

    @Test
    void aFigureThatDriftedIsReported() {
        messages.settle();
        pool.preparedQuery("INSERT INTO stat_figure (scope, figure, value) VALUES (0, 'users.verified', 7) "
                + "ON CONFLICT (scope, figure) DO UPDATE SET value = stat_figure.value + 7").execute()
                .await().atMost(Duration.ofSeconds(10));
        try {
            JsonPath report = reconcile();
            assertEquals(1, report.getLong("drifted"));
            assertEquals(0, report.getLong("drift[0].scope"));
            assertEquals("users.verified", report.getString("drift[0].figure"));
            assertEquals(report.getLong("drift[0].rebuilt") + 7, report.getLong("drift[0].maintained"));
            assertEquals(2, report.getInt("attempts"), "a difference is confirmed by replaying again first");
        } finally {
            pool.preparedQuery("UPDATE stat_figure SET value = value - 7 WHERE scope = 0 AND figure = $1")
                    .execute(Tuple.of("users.verified")).await().atMost(Duration.ofSeconds(10));
        }
        assertEquals(0, reconcile().getLong("drifted"));
    }

    @Test
    void onlyOneReconciliationRunsAtATime() {
        // Another replica's reconciliation holds the lock.
        SqlConnection other = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            other.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(ReplayRepository.LOCK))
                    .await().atMost(Duration.ofSeconds(10));
            given().header("X-OpenEvent-Internal", "test-internal-secret")
                    .when().post("/internal/statistics/reconciliation")
                    .then().statusCode(409).body("errors[0].detail", equalTo("A reconciliation is running already."));
        } finally {
            other.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(ReplayRepository.LOCK))
                    .await().atMost(Duration.ofSeconds(10));
            other.closeAndAwait();
        }
        assertEquals(0, reconcile().getLong("drifted"), "the lock is free again");
        given().when().post("/internal/statistics/reconciliation").then().statusCode(404);
    }

    private static JsonPath reconcile() {
        return given().header("X-OpenEvent-Internal", "test-internal-secret")
                .when().post("/internal/statistics/reconciliation")
                .then().statusCode(200).extract().jsonPath();
    }

    /** One delivery through the live consumers' entry, as Kafka would hand the record over. */
    private void deliver(String record) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> statistics.consume(record));
        } catch (Throwable e) {
            throw new AssertionError("Delivery failed: " + record, e);
        }
    }

    /** A delivery whose transaction dies after the statistics were applied and before it commits. */
    private void crashInside(String record) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> consumer.consume(record, envelope -> statistics.handlers()
                .dispatch(envelope)
                .chain(() -> Uni.createFrom().failure(new PoisonMessageException("Simulated crash", null)))));
    }

    private boolean processed(ObjectNode envelope) {
        return pool.preparedQuery("SELECT count(*) FROM processed_message WHERE message_id = $1")
                .execute(Tuple.of(envelope.get("messageId").asText()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) > 0;
    }
}
