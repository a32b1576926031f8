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
 * sampled trace is always recorded, and a span always follows its parent within a process. Quarkus uses a
 * {@link Sampler} bean in place of its configured sampler (and still leaves out its own non-application routes).
 */
@ApplicationScoped
public class TraceSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "openevent.tracing.sample-ratio", defaultValue = "1.0") double ratio) {
        Sampler byTraceId = Sampler.traceIdRatioBased(ratio);
        return Sampler.parentBasedBuilder(byTraceId).setRemoteParentNotSampled(byTraceId).build();
    }
}
