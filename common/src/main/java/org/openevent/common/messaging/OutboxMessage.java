package org.openevent.common.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message waiting in the transactional outbox until the relay has published it. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    /** Rows of one fairness key are published in seq order; different keys take turns. */
    @Column(name = "fairness_key", nullable = false)
    public String fairnessKey;

    @Column(nullable = false, columnDefinition = "text")
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** The writer's trace propagation headers as JSON ({@link MessageTracing#capture()}); null outside a trace. */
    @Column(name = "trace_headers", columnDefinition = "text")
    public String traceHeaders;
}
