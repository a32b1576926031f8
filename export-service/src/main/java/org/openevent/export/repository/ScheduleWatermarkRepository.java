package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Per event, the contiguous schedule version this projection has seen: every version up to it has arrived
 * (applied, or skipped as stale because a newer snapshot of the same aggregate covers it). Versions that arrive
 * early wait in {@code schedule_version_seen} until the gap below them fills.
 */
@ApplicationScoped
public class ScheduleWatermarkRepository {

    /** Records that {@code version} of the event's schedule has been seen; runs in the consumer's transaction. */
    public Uni<Void> record(long eventId, long version) {
        if (version <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO schedule_watermark (event_id, version, updated_at) VALUES (:event, 0, now()) "
                                + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter("event", eventId).executeUpdate()
                // The row lock serialises the watermark of one event across concurrent consumers.
                .flatMap(ignored -> session.createNativeQuery(
                                "SELECT version FROM schedule_watermark WHERE event_id = :event FOR UPDATE", Long.class)
                        .setParameter("event", eventId).getSingleResult())
                .flatMap(current -> {
                    if (version <= current) {
                        return Uni.createFrom().voidItem();
                    }
                    if (version > current + 1) {
                        return session.createNativeQuery("INSERT INTO schedule_version_seen (event_id, version) "
                                        + "VALUES (:event, :version) ON CONFLICT DO NOTHING")
                                .setParameter("event", eventId).setParameter("version", version)
                                .executeUpdate().replaceWithVoid();
                    }
                    return session.createNativeQuery("SELECT version FROM schedule_version_seen "
                                    + "WHERE event_id = :event ORDER BY version", Long.class)
                            .setParameter("event", eventId).getResultList()
                            .flatMap(early -> advance(session, eventId, contiguousFrom(version, early)));
                }));
    }

    /** The event's watermark; 0 when none of its schedule changes has arrived. */
    public Uni<Long> current(long eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT coalesce(max(version), 0) FROM schedule_watermark WHERE event_id = :event", Long.class)
                .setParameter("event", eventId).getSingleResult());
    }

    private static Uni<Void> advance(org.hibernate.reactive.mutiny.Mutiny.Session session, long eventId, long watermark) {
        return session.createNativeQuery("UPDATE schedule_watermark SET version = :version, updated_at = now() "
                        + "WHERE event_id = :event")
                .setParameter("event", eventId).setParameter("version", watermark).executeUpdate()
                .flatMap(ignored -> session.createNativeQuery("DELETE FROM schedule_version_seen "
                                + "WHERE event_id = :event AND version <= :version")
                        .setParameter("event", eventId).setParameter("version", watermark).executeUpdate())
                .replaceWithVoid();
    }

    /** The highest version reached from {@code version} through the early arrivals without a gap. */
    static long contiguousFrom(long version, List<Long> early) {
        long watermark = version;
        for (Long next : early) {
            if (next == watermark + 1) {
                watermark = next;
            } else if (next > watermark + 1) {
                break;
            }
        }
        return watermark;
    }
}
