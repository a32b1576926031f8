package org.openevent.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.observability.RequestIds;
import org.openevent.common.testing.KafkaProbe;

/**
 * One trace from an HTTP request through the outbox, the relay, the broker and the consumer: the request continues
 * the client's {@code traceparent}, the relayed record carries the trace in its headers, and the consumer's handler
 * runs in a span of that same trace with the request's id in its log context.
 */
@QuarkusTest
class MessageTracingTests {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final long SEED = Long.getLong("openevent.test.seed", System.currentTimeMillis());
    static final Random RANDOM = new Random(SEED);

    static {
        System.out.println("MessageTracingTests seed " + SEED + " (-Dopenevent.test.seed=...)");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/probes")
    URL probes;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    MeterRegistry registry;

    @Inject
    Instance<SpanExporter> exporters;

    @Test
    void withoutACollectorSpansGoOnlyToTheDroppingExporterAndTheTestsOwn() {
        // Quarkus installs its OTLP exporter only when no exporter can be looked up: here two can.
        assertEquals(2, exporters.stream().count(), "TraceExport's dropping exporter and the tests' in-memory one");
    }

    @Test
    void oneTraceCrossesTheOutboxAndTheKafkaHop() throws Exception {
        long id = IdempotentConsumerTests.nextId();
        String traceId = hex(16);
        String clientSpanId = hex(8);
        String requestId = "req-" + hex(8);

        try (KafkaProbe.Tail topic = KafkaProbe.tail(bootstrap, IdempotentConsumerTests.TOPIC)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                    .uri(URI.create(probes + "/" + id + "?name=traced"))
                    .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .header(RequestIds.HEADER, requestId)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, response.statusCode(), response.body());

            ConsumerRecord<String, String> record = topic.await(r -> String.valueOf(id).equals(r.key()), TIMEOUT);
            String traceparent = header(record, "traceparent");
            assertTrue(traceparent.startsWith("00-" + traceId + "-"), "the record continues the request's trace: "
                    + traceparent);
            assertTrue(header(record, "baggage").contains(RequestIds.BAGGAGE_KEY + "=" + requestId),
                    "the request id travels as baggage");
        }

        IdempotentConsumerTests.await("the probe to be applied", () -> ProbeConsumer.LOG_CONTEXT.containsKey(id));
        assertEquals(traceId + " " + requestId, ProbeConsumer.LOG_CONTEXT.get(id),
                "the handler's log lines carry the request's trace id and request id");

        SpanData server = awaitSpan(traceId, s -> s.getKind() == SpanKind.SERVER);
        assertEquals(clientSpanId, server.getParentSpanId(), "the request continued the client's traceparent");
        assertEquals(requestId, server.getAttributes().get(MessageTracing.REQUEST_ID));
        SpanData publish = awaitSpan(traceId, s -> s.getKind() == SpanKind.PRODUCER
                && s.getName().endsWith(IdempotentConsumerTests.TOPIC + " publish"));
        assertEquals(server.getSpanId(), publish.getParentSpanId(), "the relay published in the request's trace");
        SpanData receive = awaitSpan(traceId, s -> s.getKind() == SpanKind.CONSUMER);
        assertEquals(publish.getSpanId(), receive.getParentSpanId(), "the consumer continued the record's trace");
        SpanData process = awaitSpan(traceId, s -> s.getName().equals(ProbeConsumer.UPSERTED + " process"));
        assertEquals(receive.getSpanId(), process.getParentSpanId(), "the handler ran inside the consumer's span");
        assertEquals(requestId, process.getAttributes().get(MessageTracing.REQUEST_ID));

        Timer lag = registry.find("openevent.projection.lag").tag("type", ProbeConsumer.UPSERTED).timer();
        assertNotNull(lag, "the projection lag of applied messages is recorded");
        assertTrue(lag.count() > 0);
    }

    private SpanData awaitSpan(String traceId, java.util.function.Predicate<SpanData> match) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SpanData> finished = spans.getFinishedSpanItems();
            Optional<SpanData> found = finished.stream()
                    .filter(s -> s.getTraceId().equals(traceId)).filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No such span in trace " + traceId + ": " + spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId)).map(s -> s.getKind() + " " + s.getName()).toList());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "the record has a " + name + " header");
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        value[0] |= 1;
        return HexFormat.of().formatHex(value);
    }
}
