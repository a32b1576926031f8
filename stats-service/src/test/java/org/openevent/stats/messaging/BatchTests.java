package org.openevent.stats.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.stats.Messages.event;
import static org.openevent.stats.Messages.nextId;
import static org.openevent.stats.Messages.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.stats.Messages;
import org.openevent.stats.Reads;

/**
 * The sessions topic is applied a poll at a time: a burst holding new sessions, redeliveries of the same message,
 * snapshots older than one already in the burst and a poison record counts exactly what one-by-one consumption
 * counts, and only the poison record reaches the dead-letter topic.
 */
@QuarkusTest
class BatchTests {

    static final int SESSIONS = 60;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Test
    void aBurstCountsAsItsMessagesOneByOne() {
        try (Messages messages = new Messages(bootstrap, pool)) {
            long eventId = nextId();
            messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(eventId));
            messages.settle();
            JsonPath before = Reads.admin("/sessions");

            List<ObjectNode> burst = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                long id = nextId();
                ids.add(id);
                ObjectNode pending = Messages.envelope(MessageTypes.SESSION_UPSERTED, 1,
                        session(id, eventId, "pending"));
                burst.add(pending);
                if (i % 10 == 0) {
                    burst.add(pending);
                }
            }
            // A third of them move on to accepted; the stale "pending" snapshot that follows must not win.
            for (int i = 0; i < SESSIONS; i += 3) {
                burst.add(Messages.envelope(MessageTypes.SESSION_UPSERTED, 2, session(ids.get(i), eventId,
                        "accepted")));
                burst.add(Messages.envelope(MessageTypes.SESSION_UPSERTED, 1, session(ids.get(i), eventId,
                        "pending")));
            }
            long poisoned = nextId();
            burst.add(SESSIONS / 2, Messages.envelope(MessageTypes.SESSION_UPSERTED, 1,
                    session(poisoned, eventId, "no-such-state")));
            messages.publishAll(burst);
            messages.settle();

            KafkaProbe.await(bootstrap, Topics.SESSIONS + ".dlq", r -> String.valueOf(poisoned).equals(r.key()),
                    Duration.ofSeconds(60));
            JsonPath after = Reads.admin("/sessions");
            assertEquals(SESSIONS / 3, Reads.delta(before, after, "accepted"));
            assertEquals(SESSIONS - SESSIONS / 3, Reads.delta(before, after, "pending"));
        }
    }
}
