package org.openevent.stats.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.projection.EventProjection;
import org.openevent.stats.domain.Aggregate;
import org.openevent.stats.domain.Snapshot;
import org.openevent.stats.repository.FigureRepository;
import org.openevent.stats.service.StatisticsInputs.Input;

/**
 * Applies messages' inputs inside the consumer's transaction: the snapshots to the figures (newer versions
 * only), and an event's snapshot also to the shared event projection that per-event access is decided on.
 */
@ApplicationScoped
public class StatisticsProjector {

    private final FigureRepository figures;
    private final EventProjection events;

    public StatisticsProjector(FigureRepository figures, EventProjection events) {
        this.figures = figures;
        this.events = events;
    }

    /** Applies one message's input. */
    public Uni<Void> apply(Envelope envelope, Input input) {
        return applyAll(List.of(Map.entry(envelope, input)));
    }

    /**
     * Applies the inputs of several messages at once: events to the shared projection in message order, then one
     * apply per kind of aggregate (the apply functions keep the newest version of each aggregate and order their
     * locks, so the outcome is the one of applying the messages one by one).
     */
    public Uni<Void> applyAll(List<Map.Entry<Envelope, Input>> inputs) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        Map<Aggregate, List<Snapshot>> byKind = new EnumMap<>(Aggregate.class);
        for (Map.Entry<Envelope, Input> entry : inputs) {
            if (entry.getValue().payload() instanceof EventPayload event) {
                long version = entry.getKey().aggregateVersion();
                chain = chain.chain(() -> events.apply(event, version)).replaceWithVoid();
            }
            Snapshot snapshot = entry.getValue().snapshot();
            byKind.computeIfAbsent(snapshot.aggregate(), kind -> new ArrayList<>()).add(snapshot);
        }
        for (Map.Entry<Aggregate, List<Snapshot>> kind : byKind.entrySet()) {
            chain = chain.chain(() -> figures.apply(kind.getKey(), kind.getValue())).replaceWithVoid();
        }
        return chain;
    }
}
