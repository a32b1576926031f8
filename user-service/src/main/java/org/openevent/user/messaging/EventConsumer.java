package org.openevent.user.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.user.service.RoleFlags;

/** Event snapshots from event-service: their role grants make the users' role flags and role-event relationships. */
@ApplicationScoped
public class EventConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    public EventConsumer(IdempotentConsumer consumer, RoleFlags flags, ObjectMapper mapper) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.using(mapper).on(MessageTypes.EVENT_UPSERTED, EventPayload.class,
                (envelope, event) -> flags.apply(event, envelope.aggregateVersion()));
    }

    @Incoming("events-in")
    @ActivateRequestContext
    public Uni<Void> onEvent(String record) {
        return consumer.consume(record, handlers);
    }
}
