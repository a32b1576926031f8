package org.openevent.session.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.session.service.EventProjectionService;

/** Feeds event-service's snapshots into the local event projection; unusable records go to the DLQ. */
@ApplicationScoped
public class EventConsumer {

    private final IdempotentConsumer consumer;
    private final EventProjectionService projection;

    public EventConsumer(IdempotentConsumer consumer, EventProjectionService projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("events-in")
    @ActivateRequestContext
    public Uni<Void> onEvent(String record) {
        return consumer.consume(record, envelope -> {
            if (!MessageTypes.EVENT_UPSERTED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            EventPayload payload = consumer.payload(envelope, EventPayload.class);
            return projection.apply(payload, envelope.aggregateVersion());
        });
    }
}
