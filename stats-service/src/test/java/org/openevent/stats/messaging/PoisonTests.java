package org.openevent.stats.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.stats.Messages.event;
import static org.openevent.stats.Messages.mail;
import static org.openevent.stats.Messages.nextId;
import static org.openevent.stats.Messages.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.stats.Messages;
import org.openevent.stats.Reads;

/** Records that can never be counted go to their topic's dead-letter twin, and consumption goes on behind them. */
@QuarkusTest
class PoisonTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Test
    void unusableRecordsAreDeadLetteredAndTheRestCounted() {
        try (Messages messages = new Messages(bootstrap, pool)) {
            messages.settle();
            JsonPath before = Reads.admin("/sessions");
            String garbage = "poison-" + UUID.randomUUID();
            messages.send(Topics.EVENTS, null, garbage, "this is not an envelope");
            long mismatched = nextId();
            ObjectNode otherEvent = Messages.envelope(MessageTypes.EVENT_UPSERTED, String.valueOf(mismatched + 1), 1,
                    event(mismatched));
            messages.publish(otherEvent);
            long nameless = nextId();
            messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nameless).put("identifier", " "));
            long eventId = nextId();
            long strange = nextId();
            messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(eventId));
            messages.publish(MessageTypes.SESSION_UPSERTED, 1, session(strange, eventId, "submitted"));
            String unsent = "mail-" + nextId();
            ObjectNode noTime = mail(unsent, Messages.now());
            noTime.putNull("sentAt");
            messages.publish(MessageTypes.MAIL_SENT, 1, noTime);
            messages.publish(MessageTypes.SESSION_UPSERTED, 1, session(nextId(), eventId, "accepted"));
            messages.settle();

            Duration wait = Duration.ofSeconds(60);
            KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq", r -> garbage.equals(r.key()), wait);
            KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq", r -> String.valueOf(mismatched + 1).equals(r.key()),
                    wait);
            KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq", r -> String.valueOf(nameless).equals(r.key()), wait);
            KafkaProbe.await(bootstrap, Topics.SESSIONS + ".dlq", r -> String.valueOf(strange).equals(r.key()), wait);
            KafkaProbe.await(bootstrap, Topics.MAILS + ".dlq", r -> unsent.equals(r.key()), wait);
            JsonPath after = Reads.admin("/sessions");
            assertEquals(1, Reads.delta(before, after, "accepted"), "the session behind them still counts");
            assertEquals(1, Reads.delta(before, after, "submitted"), "a state nobody defined counts nowhere");
        }
    }
}
