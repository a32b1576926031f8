package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.persistence.NativeSql;

/** The per-event schedule version: taken by every schedule change, read by export requests. */
@ApplicationScoped
public class ScheduleVersionRepository {

    /**
     * The event's next schedule version, taken inside the caller's transaction. The row stays locked until that
     * transaction ends, which keeps the numbers of one event gap-free; callers take it last, just before commit.
     */
    public Uni<Long> next(long eventId) {
        return Panache.getSession().flatMap(session -> NativeSql.value(session,
                        "INSERT INTO event_schedule (event_id, version) VALUES ($1, 1) "
                                + "ON CONFLICT (event_id) DO UPDATE SET version = event_schedule.version + 1 "
                                + "RETURNING version", eventId))
                .map(NativeSql::asLong);
    }

    /** The event's committed schedule version; 0 when its schedule never changed. */
    public Uni<Long> current(long eventId) {
        return Panache.getSession().flatMap(session -> NativeSql.value(session,
                        "SELECT coalesce(max(version), 0) FROM event_schedule WHERE event_id = $1", eventId))
                .map(NativeSql::asLong);
    }
}
