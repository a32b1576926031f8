package org.openevent.common.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;
import org.openevent.common.observability.RequestIds;

/** A consumer built from the kit exactly as services build theirs: idempotent, dispatched, version-gated. */
@ApplicationScoped
public class ProbeConsumer {

    static final String UPSERTED = "probe.upserted";
    /** Attempts per probe id, so tests can tell a retried message from one applied at once. */
    static final Map<Long, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The trace and request ids the handler's log lines carried, per probe id. */
    static final Map<Long, String> LOG_CONTEXT = new ConcurrentHashMap<>();

    private final IdempotentConsumer consumer;
    private final ProbeRowRepository rows;
    private final MessageHandlers handlers;

    public ProbeConsumer(IdempotentConsumer consumer, ObjectMapper mapper, ProbeRowRepository rows) {
        this.consumer = consumer;
        this.rows = rows;
        this.handlers = MessageHandlers.using(mapper).on(UPSERTED, ProbePayload.class, this::apply);
    }

    @Incoming("probe-in")
    @ActivateRequestContext
    public Uni<Void> onProbe(String record) {
        return consumer.consume(record, handlers);
    }

    private Uni<Void> apply(Envelope envelope, ProbePayload payload) {
        int attempt = ATTEMPTS.computeIfAbsent(payload.id(), id -> new AtomicInteger()).incrementAndGet();
        LOG_CONTEXT.put(payload.id(), MDC.get("traceId") + " " + MDC.get(RequestIds.MDC_KEY));
        if (attempt <= payload.failTimes()) {
            return Uni.createFrom().failure(new IllegalStateException("transient failure, attempt " + attempt));
        }
        return VersionGate.upsert(rows, payload.id(), envelope.aggregateVersion(), row -> row.version, ProbeRow::new,
                row -> {
                    row.id = payload.id();
                    row.name = payload.name();
                    row.version = envelope.aggregateVersion();
                    row.applied++;
                    row.deletedAt = payload.deletedAt();
                }).replaceWithVoid();
    }
}
