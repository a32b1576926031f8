package org.openevent.export.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.ExportRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.export.service.ExportService;

/** Renders requested exports; going through Kafka lets any replica pick up work that survives restarts. */
@ApplicationScoped
public class ExportRequestConsumer {

    private final IdempotentConsumer consumer;
    private final ExportService exports;

    public ExportRequestConsumer(IdempotentConsumer consumer, ExportService exports) {
        this.consumer = consumer;
        this.exports = exports;
    }

    @Incoming("export-requests-in")
    @ActivateRequestContext
    public Uni<Void> onRequest(String record) {
        return consumer.consume(record, envelope -> {
            if (!MessageTypes.EXPORT_REQUESTED.equals(envelope.type())) {
                throw new PoisonMessageException("Unexpected message type " + envelope.type(), null);
            }
            return exports.process(consumer.payload(envelope, ExportRequestedPayload.class));
        });
    }
}
