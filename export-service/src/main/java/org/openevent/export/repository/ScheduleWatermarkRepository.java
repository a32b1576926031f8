package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.openevent.common.persistence.NativeSql;

/**
 * Per event, the contiguous schedule version this projection has seen: every version up to it has arrived
 * (applied, or skipped as stale because a newer snapshot of the same aggregate covers it). Consumers only record
 * each version they see (one insert, no shared row); the watermark is advanced over the contiguous run when it
 * is read and by a periodic compaction, and versions above a gap wait until it fills.
 */
@ApplicationScoped
public class ScheduleWatermarkRepository {

    private final Pool pool;

    public ScheduleWatermarkRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The event's watermark as stored, when it last moved (null before the first), and whether seen versions wait
     * above it; one read-only statement, for feeds that only advance the watermark when something waits.
     */
    public record Mark(long version, OffsetDateTime movedAt, boolean pending) {
    }

    public Uni<Mark> peek(long eventId) {
        return pool.preparedQuery("SELECT w.version, w.updated_at, EXISTS (SELECT 1 FROM schedule_version_seen s "
                        + "WHERE s.event_id = $1 AND s.version > coalesce(w.version, 0)) "
                        + "FROM (SELECT 1) one LEFT JOIN schedule_watermark w ON w.event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Long version = row.getLong(0);
                    return new Mark(version == null ? 0 : version, row.getOffsetDateTime(1), row.getBoolean(2));
                });
    }

    /** Records that {@code version} of the event's schedule has been seen; runs in the consumer's transaction. */
    public Uni<Void> record(long eventId, long version) {
        if (version <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO schedule_version_seen (event_id, version) VALUES (:event, :version) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter("event", eventId).setParameter("version", version)
                .executeUpdate()).replaceWithVoid();
    }

    /** Advances the event's watermark over the versions seen since and returns it; 0 when none arrived. */
    public Uni<Long> advance(long eventId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.value(session, "SELECT advance_schedule_watermark($1)", eventId))
                .map(NativeSql::asLong);
    }

    /** Events with seen versions not yet folded into their watermark. */
    public Uni<List<Long>> eventsWithPendingVersions(int limit) {
        return Panache.getSession().flatMap(session -> NativeSql.column(session,
                        "SELECT DISTINCT event_id FROM schedule_version_seen LIMIT $1", limit))
                .map(ids -> ids.stream().map(NativeSql::asLong).toList());
    }
}
