package org.openevent.stats.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.security.CallerIdentity;
import org.openevent.stats.repository.EventProjectionRepository;
import org.openevent.stats.repository.EventProjectionRepository.EventCounts;

/** Event statistics for the admin dashboard. */
@ApplicationScoped
public class EventStatisticsService {

    private final EventProjectionRepository events;

    public EventStatisticsService(EventProjectionRepository events) {
        this.events = events;
    }

    /** The current counts; admins only. */
    @WithSession
    public Uni<EventCounts> eventCounts(CallerIdentity caller) {
        caller.requireAdmin();
        return events.counts();
    }
}
