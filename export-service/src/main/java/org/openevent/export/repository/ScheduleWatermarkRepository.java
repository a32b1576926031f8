package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Per event, the contiguous schedule version this projection has seen: every version up to it has arrived
 * (applied, or skipped as stale because a newer snapshot of the same aggregate covers it). Consumers only record
 * each version they see (one insert, no shared row); the watermark is advanced over the contiguous run when it
 * is read and by a periodic compaction, and versions above a gap wait until it fills.
 */
@ApplicationScoped
public class ScheduleWatermarkRepository {

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
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT advance_schedule_watermark(:event)", Long.class)
                .setParameter("event", eventId).getSingleResult());
    }

    /** Events with seen versions not yet folded into their watermark. */
    public Uni<List<Long>> eventsWithPendingVersions(int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT DISTINCT event_id FROM schedule_version_seen LIMIT :limit", Long.class)
                .setParameter("limit", limit).getResultList());
    }
}
