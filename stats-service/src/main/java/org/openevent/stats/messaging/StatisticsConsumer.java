package org.openevent.stats.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.stats.service.StatisticsInputs;
import org.openevent.stats.service.StatisticsProjector;

/**
 * Feeds the statistics from the domain topics (events, sessions, users, mails, groups), each message at most once
 * and in one transaction with its effect; records that can never be used go to the topic's dead-letter twin.
 */
@ApplicationScoped
public class StatisticsConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    public StatisticsConsumer(IdempotentConsumer consumer, StatisticsInputs inputs, StatisticsProjector projector) {
        this.consumer = consumer;
        this.handlers = inputs.handlers(projector::apply);
    }

    @Incoming("events-in")
    public Uni<Void> onEvents(String record) {
        return consume(record);
    }

    @Incoming("sessions-in")
    public Uni<Void> onSessions(String record) {
        return consume(record);
    }

    @Incoming("users-in")
    public Uni<Void> onUsers(String record) {
        return consume(record);
    }

    @Incoming("mails-in")
    public Uni<Void> onMails(String record) {
        return consume(record);
    }

    @Incoming("groups-in")
    public Uni<Void> onGroups(String record) {
        return consume(record);
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
