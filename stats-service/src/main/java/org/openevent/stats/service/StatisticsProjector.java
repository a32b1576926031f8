package org.openevent.stats.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.projection.EventProjection;
import org.openevent.stats.repository.FigureRepository;
import org.openevent.stats.service.StatisticsInputs.Input;

/**
 * Applies one message's input inside the consumer's transaction: the snapshot to the figures (newer versions
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

    public Uni<Void> apply(Envelope envelope, Input input) {
        Uni<Boolean> shared = input.payload() instanceof EventPayload event
                ? events.apply(event, envelope.aggregateVersion()) : Uni.createFrom().item(false);
        return shared.chain(() -> figures.apply(input.snapshot().aggregate(), List.of(input.snapshot())))
                .replaceWithVoid();
    }
}
