package org.openevent.common.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the committed content version of an event (table {@code event_content_version}, raised by deferred
 * triggers on every table a public document of the event may show). The sum with row 0, which rows belonging to no
 * event raise, only grows: any committed change gives a new value.
 */
@ApplicationScoped
public class EventContentVersions {

    static final String CURRENT = "SELECT " + of("$1");

    private final Pool pool;

    public EventContentVersions(Pool pool) {
        this.pool = pool;
    }

    /** The SQL expression of the content version of the event whose id is {@code eventId} (a column or parameter). */
    public static String of(String eventId) {
        return "coalesce((SELECT sum(v.version) FROM event_content_version v WHERE v.event_id IN (" + eventId
                + ", 0)), 0)::bigint";
    }

    /** The event's content version as committed now; 0 while nothing of it ever changed. */
    public Uni<Long> current(long eventId) {
        return pool.preparedQuery(CURRENT).execute(Tuple.of(eventId))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
