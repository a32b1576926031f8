package org.openevent.stats.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.common.projection.UserSnapshots;
import org.openevent.stats.service.StatisticsInputs;
import org.openevent.stats.service.StatisticsProjector;

/**
 * Feeds the statistics from the domain topics (events, sessions, users, mails, groups), each message at most once
 * and in one transaction with its effect; records that can never be used go to the topic's dead-letter twin. The
 * sessions topic, which carries a message per schedule write, is read in batches: one transaction per poll.
 */
@ApplicationScoped
public class StatisticsConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    private final UserSnapshots accounts;
    private final StatisticsInputs inputs;
    private final StatisticsProjector projector;

    public StatisticsConsumer(IdempotentConsumer consumer, StatisticsInputs inputs, StatisticsProjector projector,
                              UserSnapshots accounts) {
        this.consumer = consumer;
        this.accounts = accounts;
        this.inputs = inputs;
        this.projector = projector;
        this.handlers = inputs.handlers(projector::apply);
    }

    @Incoming("events-in")
    public Uni<Void> onEvents(String record) {
        return consume(record);
    }

    @Incoming("sessions-in")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> onSessions(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch("sessions-in", batch, handlers, this::applyTogether);
    }

    /** Account snapshots feed the token check's projection too, in the same transaction as the figures. */
    @Incoming("users-in")
    @ActivateRequestContext
    public Uni<Void> onUsers(String record) {
        return accounts.consume(record, handlers);
    }

    @Incoming("mails-in")
    public Uni<Void> onMails(String record) {
        return consume(record);
    }

    @Incoming("groups-in")
    public Uni<Void> onGroups(String record) {
        return consume(record);
    }

    /** Reads the inputs of the messages of a batch through the same handlers, then applies them at once. */
    private Uni<Void> applyTogether(List<Envelope> envelopes) {
        List<Map.Entry<Envelope, StatisticsInputs.Input>> collected = new ArrayList<>(envelopes.size());
        MessageHandlers collecting = inputs.handlers((envelope, input) -> {
            collected.add(Map.entry(envelope, input));
            return Uni.createFrom().voidItem();
        });
        Uni<Void> read = Uni.createFrom().voidItem();
        for (Envelope envelope : envelopes) {
            read = read.chain(() -> collecting.dispatch(envelope));
        }
        return read.chain(() -> projector.applyAll(collected));
    }

    /** Applies one raw record of any of the topics (its type says what it is). */
    public Uni<Void> consume(String record) {
        return consumer.consume(record, handlers);
    }

    /** The handlers every record is dispatched to; tests wrap them to simulate a crash inside a transaction. */
    public MessageHandlers handlers() {
        return handlers;
    }
}
