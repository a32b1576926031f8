package org.openevent.common.observability;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Where finished spans go. Quarkus installs its OTLP exporter only when no {@link SpanExporter} bean can be looked
 * up, and its endpoint defaults to a collector on localhost, which a developer machine does not run. So while
 * {@code openevent.tracing.otlp-endpoint} is unset this offers an exporter that drops spans: traces still
 * propagate and their ids still reach every log line. Setting {@code OPENEVENT_OTLP_ENDPOINT} hides it, and
 * Quarkus exports to that endpoint.
 */
@ApplicationScoped
public class TraceExport {

    /** The value of {@code openevent.tracing.otlp-endpoint} that means "no collector". */
    public static final String NONE = "none";

    @Produces
    @Singleton
    @LookupIfProperty(name = "openevent.tracing.otlp-endpoint", stringValue = NONE, lookupIfMissing = true)
    SpanExporter droppingExporter() {
        return SpanExporter.composite(List.of());
    }
}
