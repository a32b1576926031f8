package org.openevent.export.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.ExportRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.export.service.ExportService;

/**
 * Renders requested exports; going through Kafka lets any replica pick up work that survives restarts. Rendering
 * must not run inside a transaction, so the task's render claim (not one transaction per message) makes
 * redelivery and concurrent consumers harmless.
 */
@ApplicationScoped
public class ExportRequestConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    public ExportRequestConsumer(IdempotentConsumer consumer, ExportService exports, ObjectMapper mapper) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.using(mapper).on(MessageTypes.EXPORT_REQUESTED, ExportRequestedPayload.class,
                (envelope, request) -> exports.process(request));
    }

    @Incoming("export-requests-in")
    @ActivateRequestContext
    public Uni<Void> onRequest(String record) {
        return consumer.consumeOutsideTransaction(record, handlers);
    }
}
