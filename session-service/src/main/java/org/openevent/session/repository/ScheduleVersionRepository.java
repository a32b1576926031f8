package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.persistence.NativeSql;

/** The per-event schedule version: taken by every schedule change as it commits, read by export requests. */
@ApplicationScoped
public class ScheduleVersionRepository {

    /**
     * The schedule version a snapshot carries into the outbox: the commit replaces it with the event's next number
     * (trigger {@code stamp_schedule_version}, migration V12), holding the event's row lock only while it commits,
     * which keeps the numbers of one event gap-free and in commit order.
     */
    public static final long STAMPED_AT_COMMIT = -1;

    /** The event's committed schedule version; 0 when its schedule never changed. */
    public Uni<Long> current(long eventId) {
        return Panache.getSession().flatMap(session -> NativeSql.value(session,
                        "SELECT coalesce(max(version), 0) FROM event_schedule WHERE event_id = $1", eventId))
                .map(NativeSql::asLong);
    }
}
