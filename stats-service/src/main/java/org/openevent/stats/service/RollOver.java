package org.openevent.stats.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.openevent.common.persistence.Transactions;
import org.openevent.stats.repository.FigureRepository;

/**
 * Moves published events whose end has passed from the published to the past figures, and forgets single mails
 * older than the longest mail window. Reads never wait for it (they count events that ended since from the end-time
 * index); it keeps that count small. Safe to run anywhere and any time: it is one transaction, and an event moves once.
 */
@ApplicationScoped
public class RollOver {

    private static final Logger LOG = Logger.getLogger(RollOver.class);

    private final FigureRepository figures;

    public RollOver(FigureRepository figures) {
        this.figures = figures;
    }

    @Scheduled(every = "${openevent.statistics.roll-over-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> scheduled() {
        return run(OffsetDateTime.now(ZoneOffset.UTC))
                .onFailure().invoke(e -> LOG.warnf("Statistics roll-over failed, next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Rolls the figures over to {@code at}; yields the number of events that moved into the past. */
    public Uni<Integer> run(OffsetDateTime at) {
        return Transactions.run(() -> figures.rollOver(at));
    }
}
