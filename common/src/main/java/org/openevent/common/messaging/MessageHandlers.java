package org.openevent.common.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Dispatches envelopes by message type to typed payload handlers:
 * {@code handlers.on(MessageTypes.TRACK_UPSERTED, TrackPayload.class, this::applyTrack)}. Types nobody
 * registered are skipped (a topic may carry more types than a consumer cares about); a payload that does not
 * fit its type is poison.
 */
public final class MessageHandlers {

    private static final Logger LOG = Logger.getLogger(MessageHandlers.class);

    private final ObjectMapper mapper;
    private final Map<String, Function<Envelope, Uni<Void>>> handlers = new HashMap<>();

    private MessageHandlers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An empty registry reading payloads with {@code mapper}. */
    public static MessageHandlers using(ObjectMapper mapper) {
        return new MessageHandlers(mapper);
    }

    /** Registers the handler of one message type; it runs inside the consumer's transaction. */
    public <T> MessageHandlers on(String type, Class<T> payloadType, BiFunction<Envelope, T, Uni<Void>> handler) {
        Handler<T> typed = new Handler<>(payloadType, handler);
        if (handlers.putIfAbsent(type, envelope -> typed.apply(envelope, mapper)) != null) {
            throw new IllegalStateException("Two handlers for message type " + type);
        }
        return this;
    }

    /**
     * These handlers and {@code next}'s in one registry: a type both handle runs this one's handler, then
     * {@code next}'s, so two concerns fed by one topic share one message id and one transaction.
     */
    public MessageHandlers andThen(MessageHandlers next) {
        MessageHandlers both = new MessageHandlers(mapper);
        both.handlers.putAll(handlers);
        next.handlers.forEach((type, handler) -> both.handlers.merge(type, handler,
                (first, second) -> envelope -> first.apply(envelope).chain(() -> second.apply(envelope))));
        return both;
    }

    /** The registered message types. */
    public Set<String> types() {
        return Set.copyOf(handlers.keySet());
    }

    /** Runs the handler of the envelope's type, or nothing for an unregistered type. */
    public Uni<Void> dispatch(Envelope envelope) {
        Function<Envelope, Uni<Void>> handler = handlers.get(envelope.type());
        if (handler == null) {
            LOG.debugf("Skipping message %s of unhandled type %s", envelope.messageId(), envelope.type());
            return Uni.createFrom().voidItem();
        }
        return handler.apply(envelope);
    }

    private record Handler<T>(Class<T> payloadType, BiFunction<Envelope, T, Uni<Void>> handler) {

        Uni<Void> apply(Envelope envelope, ObjectMapper mapper) {
            T payload;
            try {
                payload = mapper.treeToValue(envelope.payload(), payloadType);
            } catch (Exception e) {
                return Uni.createFrom().failure(new PoisonMessageException("Payload of " + envelope.type()
                        + " does not match " + payloadType.getSimpleName(), e));
            }
            if (payload == null) {
                return Uni.createFrom().failure(new PoisonMessageException("Empty payload of " + envelope.type(), null));
            }
            return handler.apply(envelope, payload);
        }
    }
}
