package org.openevent.export.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.export.service.ProjectionService;

/** Feeds event and schedule snapshots from Kafka into the local projection, each message at most once. */
@ApplicationScoped
public class ProjectionConsumer {

    private final IdempotentConsumer consumer;
    private final ProjectionService projection;

    public ProjectionConsumer(IdempotentConsumer consumer, ProjectionService projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("events-in")
    @ActivateRequestContext
    public Uni<Void> onEvent(String record) {
        return consumer.consume(record, envelope -> MessageTypes.EVENT_UPSERTED.equals(envelope.type())
                ? projection.applyEvent(envelope)
                : Uni.createFrom().voidItem());
    }

    @Incoming("sessions-in")
    @ActivateRequestContext
    public Uni<Void> onSchedule(String record) {
        return consumer.consume(record, projection::applySchedule);
    }
}
