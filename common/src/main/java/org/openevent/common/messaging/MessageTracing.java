package org.openevent.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.openevent.common.observability.RequestIds;

/**
 * Carries a trace across the outbox: {@link Outbox} stores the writer's trace context (and request id) with the
 * row, the relay publishes each record in a producer span that continues that trace and puts it into the record's
 * headers, and {@link IdempotentConsumer} runs every handler in a span of the consumer's trace, which the Kafka
 * connector has already continued from those headers. One request thus stays one trace from the gateway to the
 * last consumer, and its trace and request ids are in every log line on the way.
 */
@ApplicationScoped
public class MessageTracing {

    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("openevent.message.type");
    static final AttributeKey<String> AGGREGATE = AttributeKey.stringKey("openevent.aggregate");
    static final AttributeKey<Long> SEQ = AttributeKey.longKey("openevent.outbox.seq");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey(RequestIds.SPAN_ATTRIBUTE);

    private static final Logger LOG = Logger.getLogger(MessageTracing.class);
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return Arrays.stream(carrier.toArray()).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;
    private final ObjectMapper mapper;

    public MessageTracing(OpenTelemetry openTelemetry, Tracer tracer, ObjectMapper mapper) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = tracer;
        this.mapper = mapper;
    }

    /**
     * The propagation headers ({@code traceparent}, {@code baggage}, ...) of the current trace, with the request id
     * of the log context as baggage, as JSON for the outbox row; null outside any trace and request.
     */
    public String capture() {
        Context context = Context.current();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            context = context.with(Baggage.fromContext(context).toBuilder()
                    .put(RequestIds.BAGGAGE_KEY, requestId.toString()).build());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(context, headers, Map::put);
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize trace headers", e);
        }
    }

    /**
     * Starts the producer span of one outbox row, continuing the trace stored with it, and writes the span's
     * context into the record's headers. The caller ends the span when the broker has answered.
     */
    Span startPublish(String topic, long seq, String storedHeaders, Headers recordHeaders) {
        Context parent = propagator.extract(Context.root(), parse(storedHeaders), MAP_GETTER);
        Span span = tracer.spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic).setAttribute(SEQ, seq)
                .startSpan();
        propagator.inject(parent.with(span), recordHeaders,
                (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Ends a producer span with the broker's answer. */
    static void endPublish(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage());
        }
        span.end();
    }

    /**
     * Runs a message's handling in a span that is a child of the current (the Kafka connector's consumer) span, with
     * the request id that came as baggage in the log context. Must be called on the message's Vert.x context.
     */
    <T> Uni<T> inConsumeSpan(Envelope envelope, Supplier<Uni<T>> handling) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(envelope.type() + " process").setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(MESSAGE_ID, envelope.messageId()).setAttribute(MESSAGE_TYPE, envelope.type())
                    .setAttribute(AGGREGATE, envelope.aggregateType() + "/" + envelope.aggregateId())
                    .startSpan();
            Scope scope = span.makeCurrent();
            String requestId = RequestIds.sanitize(Baggage.current().getEntryValue(RequestIds.BAGGAGE_KEY));
            if (requestId != null) {
                MDC.put(RequestIds.MDC_KEY, requestId);
                span.setAttribute(REQUEST_ID, requestId);
            }
            return within(span, scope, handling);
        });
    }

    /**
     * Runs the handling of a batch of records in one span, linked to the trace each record carries in its headers
     * (a batch has no single parent), with the batch's size and first message id. Must be called on the batch's
     * Vert.x context.
     */
    <T> Uni<T> inBatchSpan(String channel, List<Headers> recordHeaders, String firstMessageId,
                           Supplier<Uni<T>> handling) {
        return Uni.createFrom().deferred(() -> {
            SpanBuilder builder = tracer.spanBuilder(channel + " process batch").setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(BATCH_SIZE, (long) recordHeaders.size()).setAttribute(MESSAGE_ID, firstMessageId);
            for (Headers headers : recordHeaders) {
                Span linked = Span.fromContext(propagator.extract(Context.root(), headers, HEADERS_GETTER));
                if (linked.getSpanContext().isValid()) {
                    builder.addLink(linked.getSpanContext());
                }
            }
            Span span = builder.startSpan();
            Scope scope = span.makeCurrent();
            return within(span, scope, handling);
        });
    }

    /** Runs {@code handling} with {@code span} current, ending the span (with any failure) when it terminates. */
    private static <T> Uni<T> within(Span span, Scope scope, Supplier<Uni<T>> handling) {
        Uni<T> work;
        try {
            work = handling.get();
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        return work.onTermination().invoke((item, failure, cancelled) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getMessage());
            }
            span.end();
            scope.close();
        });
    }

    private Map<String, String> parse(String storedHeaders) {
        if (storedHeaders == null || storedHeaders.isBlank()) {
            return Map.of();
        }
        try {
            return mapper.readValue(storedHeaders, HEADER_MAP);
        } catch (JsonProcessingException e) {
            LOG.debugf("Ignoring unreadable trace headers of an outbox row: %s", e.getMessage());
            return Map.of();
        }
    }
}
