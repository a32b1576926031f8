package org.openevent.export.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.repository.ExportFileRepository;
import org.openevent.export.repository.FragmentRepository;
import org.openevent.export.repository.ListingRepository;

/**
 * Periodic upkeep, safe to run on every replica at once (each step is one idempotent statement): cancellations
 * leave the feeds when their period ends, old files go by the retention policy, and superseded fragments no kept
 * file refers to are collected.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final ListingRepository listing;
    private final ExportFileRepository files;
    private final FragmentRepository fragments;
    private final ExportConfig config;

    public Housekeeping(ListingRepository listing, ExportFileRepository files, FragmentRepository fragments,
                        ExportConfig config) {
        this.listing = listing;
        this.files = files;
        this.fragments = fragments;
        this.config = config;
    }

    @Scheduled(every = "${openevent.export.housekeeping-interval:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return endCancellations().flatMap(ignored -> pruneFiles()).flatMap(ignored -> collectFragments())
                .onFailure().invoke(e -> LOG.warnf("Housekeeping failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Unlists cancellations whose listing period ended. */
    public Uni<Integer> endCancellations() {
        return listing.endCancellations(config.cancellationPeriod()).invoke(count -> {
            if (count > 0) {
                LOG.infof("%d cancelled sessions reached the end of their listing period", count);
            }
        });
    }

    /** Deletes files beyond the newest kept versions that no task handed out recently. */
    public Uni<Integer> pruneFiles() {
        return files.prune(config.retention().keepVersions(), config.retention().keepFor());
    }

    /** Deletes superseded fragments no kept file can refer to. */
    public Uni<Integer> collectFragments() {
        return fragments.collect(config.retention().fragmentGrace());
    }
}
