package org.openevent.export.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.export.service.ProjectionService;

/**
 * Feeds event and schedule snapshots from Kafka into the local projection, each message at most once; schedule
 * snapshots (a message per schedule write) a poll at a time, in one transaction.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers events;
    private final MessageHandlers schedule;

    public ProjectionConsumer(IdempotentConsumer consumer, ProjectionService projection) {
        this.consumer = consumer;
        this.events = projection.eventHandlers();
        this.schedule = projection.scheduleHandlers();
    }

    @Incoming("events-in")
    @ActivateRequestContext
    public Uni<Void> onEvent(String record) {
        return consumer.consume(record, events);
    }

    @Incoming("sessions-in")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @ActivateRequestContext
    public Uni<Void> onSchedule(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch("sessions-in", batch, schedule);
    }
}
