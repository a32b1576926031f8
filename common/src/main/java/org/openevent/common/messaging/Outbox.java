package org.openevent.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes domain messages into the outbox inside the caller's database transaction. */
@ApplicationScoped
public class Outbox {

    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper;
    private final String topicPrefix;

    public Outbox(ObjectMapper mapper, MessagingConfig config) {
        this.mapper = mapper;
        this.topicPrefix = config.topicPrefix().orElse("");
    }

    /**
     * Adds a message to the outbox. Must run inside an open Hibernate Reactive transaction so the message
     * commits or rolls back together with the change it describes.
     */
    public Uni<Void> publish(String topic, String type, String aggregateType, Object aggregateId,
                             long aggregateVersion, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topicPrefix + topic;
        message.messageKey = String.valueOf(aggregateId);
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
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
