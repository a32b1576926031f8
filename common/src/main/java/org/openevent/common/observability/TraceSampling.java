package org.openevent.common.observability;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are recorded. The gateway gives every request that arrives without a {@code traceparent} one of its
 * own, carrying the request id as trace id and marked not sampled, so that the decision is the services': a trace
 * that starts here or arrives not sampled is recorded at {@code openevent.tracing.sample-ratio}, decided from its
 * trace id, so every service that sees it decides alike and a trace is recorded whole or not at all. A caller's
 * sampled trace is always recorded, and a span always follows its parent within a process. Without a collector
 * ({@link TraceExport}) nothing is recorded, since every span would be dropped: trace ids still propagate and reach
 * the log lines. Quarkus uses a {@link Sampler} bean in place of its configured sampler.
 */
@ApplicationScoped
public class TraceSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "openevent.tracing.sample-ratio", defaultValue = "1.0") double ratio,
                    @ConfigProperty(name = "openevent.tracing.otlp-endpoint", defaultValue = TraceExport.NONE)
                    String collector,
                    @ConfigProperty(name = "openevent.tracing.record-without-collector", defaultValue = "false")
                    boolean recordWithoutCollector) {
        if (TraceExport.NONE.equals(collector) && !recordWithoutCollector) {
            return Sampler.alwaysOff();
        }
        Sampler byTraceId = Sampler.traceIdRatioBased(ratio);
        return Sampler.parentBasedBuilder(byTraceId).setRemoteParentNotSampled(byTraceId).build();
    }
}
