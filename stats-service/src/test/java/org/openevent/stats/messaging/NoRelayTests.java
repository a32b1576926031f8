package org.openevent.stats.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openevent.common.messaging.OutboxRelay;

/** stats-service publishes nothing: it runs no outbox relay, holds no relay lock and has no outbox producer. */
@QuarkusTest
class NoRelayTests {

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void noRelayRunsInAServiceThatPublishesNothing() throws InterruptedException {
        // Long enough for an enabled relay to have taken its lock (it does at start-up, then every poll of 1 s).
        Thread.sleep(1_500);
        assertFalse(relay.isActive());
        long holders = pool.preparedQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        + "AND classid::bigint = $1 AND objid::bigint = $2")
                .execute(Tuple.of(OutboxRelay.LEADER_LOCK >>> 32, OutboxRelay.LEADER_LOCK & 0xffffffffL))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(0, holders);
        assertTrue(registry.find("openevent.outbox.published").meters().isEmpty());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("kafka-producer-network-thread | stats-service-outbox")));
    }
}
