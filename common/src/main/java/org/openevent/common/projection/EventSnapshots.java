package org.openevent.common.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;

/** Consumes {@code openevent.events} records into the event projection: each message once, newer versions only. */
@ApplicationScoped
public class EventSnapshots {

    private final IdempotentConsumer consumer;
    private final EventProjection projection;

    public EventSnapshots(IdempotentConsumer consumer, EventProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    /** Handles one raw record; poison records fail so the channel dead-letters them. */
    public Uni<Void> consume(String record) {
        return consumer.consume(record, envelope -> {
            if (!MessageTypes.EVENT_UPSERTED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return projection.apply(consumer.payload(envelope, EventPayload.class), envelope.aggregateVersion())
                    .replaceWithVoid();
        });
    }
}
