package org.openevent.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At a ratio of one half, requests whose traceparent says "not sampled" (as the gateway marks the traces it starts)
 * are recorded by their trace id: those whose random part lies below half the range are, the others are not; a
 * caller's sampled trace is recorded whatever its id. Without a collector nothing is recorded (this application
 * records for its in-memory exporter).
 */
@QuarkusTest
@TestProfile(TraceSamplingTests.HalfSampled.class)
class TraceSamplingTests {

    /** Half of the traces, as a production overlay might ask for. */
    public static class HalfSampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openevent.tracing.sample-ratio", "0.5");
        }
    }

    /** Trace ids whose last 16 hex digits (what the ratio is applied to) are far below and far above half. */
    static final String LOW = "4bf92f3577b34da6" + "0000000000000123";
    static final String HIGH = "4bf92f3577b34da6" + "7fffffffffff0123";
    static final String HIGH_BUT_SAMPLED = "5cf92f3577b34da6" + "7fffffffffff0456";

    @TestHTTPResource("/test/echo/text")
    URL echo;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void unsampledTracesAreRecordedByTheirIdAndSampledOnesAlways() throws Exception {
        spans.reset();
        call(HIGH, "00");
        call(LOW, "00");
        call(HIGH_BUT_SAMPLED, "01");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!traces().containsAll(Set.of(LOW, HIGH_BUT_SAMPLED)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // The spans are exported in the order they ended, so the first request's would be here by now.
        assertEquals(Set.of(LOW, HIGH_BUT_SAMPLED), traces().stream().filter(id -> id.startsWith("4bf9")
                || id.startsWith("5cf9")).collect(Collectors.toSet()));
    }

    @Test
    void withoutACollectorNothingIsRecordedNotEvenACallersSampledTrace() {
        Sampler sampler = new TraceSampling().sampler(1.0, TraceExport.NONE, false);
        SpanContext sampledCaller = SpanContext.createFromRemoteParent(HIGH_BUT_SAMPLED, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        SamplingResult result = sampler.shouldSample(Context.root().with(Span.wrap(sampledCaller)),
                HIGH_BUT_SAMPLED, "GET /", SpanKind.SERVER, Attributes.empty(), List.of());
        assertEquals(SamplingDecision.DROP, result.getDecision());
        Sampler withCollector = new TraceSampling().sampler(1.0, "http://collector:4317", false);
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, withCollector.shouldSample(Context.root(), LOW, "GET /",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision());
    }

    private Set<String> traces() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getTraceId).collect(Collectors.toSet());
    }

    private void call(String traceId, String flags) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(echo.toString()))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + flags)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("sampled?")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    }
}
