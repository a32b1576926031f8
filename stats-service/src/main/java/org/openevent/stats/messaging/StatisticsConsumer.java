package org.openevent.stats.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.common.projection.UserSnapshots;
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

    private final UserSnapshots accounts;

    public StatisticsConsumer(IdempotentConsumer consumer, StatisticsInputs inputs, StatisticsProjector projector,
                              UserSnapshots accounts) {
        this.consumer = consumer;
        this.accounts = accounts;
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

    /** Applies one raw record of any of the topics (its type says what it is). */
    public Uni<Void> consume(String record) {
        return consumer.consume(record, handlers);
    }

    /** The handlers every record is dispatched to; tests wrap them to simulate a crash inside a transaction. */
    public MessageHandlers handlers() {
        return handlers;
    }
}
