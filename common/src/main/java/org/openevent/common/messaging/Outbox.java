package org.openevent.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes domain messages into the outbox inside the caller's database transaction, with the writer's trace context
 * so the relay and the consumers continue its trace ({@link MessageTracing}).
 */
@ApplicationScoped
public class Outbox {

    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper;
    private final String topicPrefix;
    private final MessageTracing tracing;

    public Outbox(ObjectMapper mapper, MessagingConfig config, MessageTracing tracing) {
        this.mapper = mapper;
        this.topicPrefix = config.topicPrefix().orElse("");
        this.tracing = tracing;
    }

    /** Adds a message whose fairness key is its aggregate id; see the seven-argument variant. */
    public Uni<Void> publish(String topic, String type, String aggregateType, Object aggregateId,
                             long aggregateVersion, Object payload) {
        return publish(topic, type, aggregateType, aggregateId, aggregateVersion, payload, aggregateId);
    }

    /**
     * Adds a message to the outbox. Must run inside an open Hibernate Reactive transaction so the message
     * commits or rolls back together with the change it describes. The relay publishes the messages of one
     * {@code fairnessKey} in the order they were written and lets all keys with a backlog take turns, so pass a
     * key that groups what may wait behind each other (session-service: the event id of a schedule change, so
     * one event's bulk load never delays another event's edits).
     */
    public Uni<Void> publish(String topic, String type, String aggregateType, Object aggregateId,
                             long aggregateVersion, Object payload, Object fairnessKey) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topicPrefix + topic;
        message.messageKey = String.valueOf(aggregateId);
        message.fairnessKey = String.valueOf(fairnessKey);
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        message.traceHeaders = tracing.capture();
        Envelope envelope = new Envelope(message.id.toString(), type, SCHEMA_VERSION, aggregateType,
                message.messageKey, aggregateVersion, message.createdAt, mapper.valueToTree(payload));
        try {
            message.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot serialize " + type, e));
        }
        return message.persist().replaceWithVoid();
    }
}
