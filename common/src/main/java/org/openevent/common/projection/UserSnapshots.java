package org.openevent.common.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.UserPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.common.security.TokenCheck;

/**
 * Consumes {@code openevent.users} into {@code user_token_state}: each message once, newer versions only, and once
 * committed into the token check's cache, so a revoked token is refused from the next request on.
 */
@ApplicationScoped
public class UserSnapshots {

    private final IdempotentConsumer consumer;
    private final ProjectedAccountDirectory accounts;
    private final TokenCheck tokens;
    private final MessageHandlers handlers;

    public UserSnapshots(IdempotentConsumer consumer, ProjectedAccountDirectory accounts, TokenCheck tokens,
                         ObjectMapper mapper) {
        this.consumer = consumer;
        this.accounts = accounts;
        this.tokens = tokens;
        this.handlers = MessageHandlers.using(mapper).on(MessageTypes.USER_UPSERTED, UserPayload.class,
                (envelope, payload) -> accounts.apply(payload, envelope.aggregateVersion()).replaceWithVoid());
    }

    /** Handles one raw record; poison records fail so the channel dead-letters them. */
    public Uni<Void> consume(String record) {
        return consumer.consume(record, handlers).invoke(() -> remember(record));
    }

    /**
     * Handles one raw record of {@code openevent.users} together with a service's own handlers of that topic (its
     * statistics, say): one message id, one transaction, the token state first.
     */
    public Uni<Void> consume(String record, MessageHandlers alongside) {
        return consumer.consume(record, handlers.andThen(alongside)).invoke(() -> remember(record));
    }

    private void remember(String record) {
        Envelope envelope = consumer.parse(record);
        if (MessageTypes.USER_UPSERTED.equals(envelope.type())) {
            tokens.remember(ProjectedAccountDirectory.state(consumer.payload(envelope, UserPayload.class),
                    envelope.aggregateVersion()));
        }
    }
}
