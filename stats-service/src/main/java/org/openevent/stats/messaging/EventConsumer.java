package org.openevent.stats.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.stats.service.EventProjector;

/** Feeds event snapshots from {@code openevent.events} into the projection, each message at most once. */
@ApplicationScoped
public class EventConsumer {

    private final IdempotentConsumer consumer;
    private final EventProjector projector;

    public EventConsumer(IdempotentConsumer consumer, EventProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("events-in")
    public Uni<Void> onEvent(String record) {
        return consumer.consume(record, envelope -> {
            if (!MessageTypes.EVENT_UPSERTED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            EventPayload snapshot = consumer.payload(envelope, EventPayload.class);
            return projector.apply(envelope.aggregateId(), envelope.aggregateVersion(), snapshot);
        });
    }
}
