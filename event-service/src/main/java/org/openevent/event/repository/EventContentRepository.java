package org.openevent.event.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.persistence.EventContentVersions;
import org.openevent.common.resource.Ids;

/** Committed content versions: of an event (looked up by id or identifier in one statement), or of all events. */
@ApplicationScoped
public class EventContentRepository {

    private static final String VERSION = EventContentVersions.of("e.id");
    private static final String BY_ID = "SELECT e.id, " + VERSION + " FROM event e WHERE e.id = $1";
    private static final String EVERY_EVENT =
            "SELECT coalesce(max(version), 0) FROM event_content_version WHERE event_id = -1";
    private static final String BY_IDENTIFIER = "SELECT e.id, " + VERSION + " FROM event e WHERE e.identifier = $1";

    /** The event's id and content version. */
    public record Versioned(long eventId, long version) {
    }

    private final Pool pool;

    public EventContentRepository(Pool pool) {
        this.pool = pool;
    }

    /** The content version of every event together (row -1, which every change raises). */
    public Uni<Long> everyEvent() {
        return pool.preparedQuery(EVERY_EVENT).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The event named by {@code reference} (numeric id or identifier), or null when there is none. */
    public Uni<Versioned> find(String reference) {
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = Ids.isId(reference)
                ? pool.preparedQuery(BY_ID).execute(Tuple.of(Long.parseLong(reference)))
                : pool.preparedQuery(BY_IDENTIFIER).execute(Tuple.of(reference));
        return rows.map(found -> {
            RowIterator<Row> iterator = found.iterator();
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            return new Versioned(row.getLong(0), row.getLong(1));
        });
    }
}
