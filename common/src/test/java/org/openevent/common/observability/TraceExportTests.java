package org.openevent.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a collector configured the span-dropping exporter steps aside, so Quarkus installs its OTLP exporter (which
 * it does only when no other exporter can be looked up); only the tests' in-memory exporter remains here.
 */
@QuarkusTest
@TestProfile(TraceExportTests.WithCollector.class)
class TraceExportTests {

    /** A collector address, as OPENEVENT_OTLP_ENDPOINT gives it in Kubernetes. */
    public static class WithCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openevent.tracing.otlp-endpoint", "http://127.0.0.1:4317");
        }
    }

    @Inject
    Instance<SpanExporter> exporters;

    @Test
    void theDroppingExporterStepsAsideWhenACollectorIsConfigured() {
        List<Class<?>> found = exporters.stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(1, found.size(), "only the tests' exporter: " + found);
        assertEquals(InMemorySpanExporter.class, found.get(0));
    }
}
