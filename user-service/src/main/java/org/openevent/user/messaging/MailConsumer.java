package org.openevent.user.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.contract.MailRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.user.service.MailSender;

/**
 * {@code mail.requested} from every service (this one included) on {@code openevent.mails}: sent outside any
 * transaction, each mail once (its own record keeps it idempotent); {@code mail.sent} on the same topic is skipped.
 */
@ApplicationScoped
public class MailConsumer {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    public MailConsumer(IdempotentConsumer consumer, MailSender sender, ObjectMapper mapper) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.using(mapper).on(MessageTypes.MAIL_REQUESTED, MailRequestedPayload.class,
                sender::send);
    }

    @Incoming("mails-in")
    @ActivateRequestContext
    public Uni<Void> onMail(String record) {
        return consumer.consumeOutsideTransaction(record, handlers);
    }
}
