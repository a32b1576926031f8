package org.openevent.stats.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.stats.service.EventProjector;

/** Feeds event snapshots from {@code openevent.events} into the projection, each message at most once. */
@ApplicationScoped
public class EventConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    public EventConsumer(IdempotentConsumer consumer, EventProjector projector, ObjectMapper mapper) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.using(mapper).on(MessageTypes.EVENT_UPSERTED, EventPayload.class,
                (envelope, snapshot) -> projector.apply(envelope.aggregateId(), envelope.aggregateVersion(), snapshot));
    }

    @Incoming("events-in")
    public Uni<Void> onEvent(String record) {
        return consumer.consume(record, handlers);
    }
}
