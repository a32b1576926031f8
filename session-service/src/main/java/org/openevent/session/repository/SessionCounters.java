package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.persistence.NativeSql;

/**
 * The aggregates a session carries (average rating, rating count, favourite count), recounted in the transaction of
 * every feedback or favourite write so that lists read them as columns.
 */
@ApplicationScoped
public class SessionCounters {

    /**
     * Recounts the session's aggregates after flushing the write at hand. The row lock is taken by a statement of its
     * own first, so the recount that follows reads every feedback and favourite committed by a concurrent writer
     * that held it before.
     */
    public Uni<Void> recount(long sessionId) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session,
                        "SELECT id FROM session WHERE id = $1 FOR UPDATE", sessionId)
                .flatMap(locked -> session.createNativeQuery("""
                                UPDATE session SET
                                  favourite_count = (SELECT count(*) FROM user_favourite_session f
                                                     WHERE f.session_id = :session AND f.deleted_at IS NULL),
                                  rating_count = (SELECT count(*) FROM feedback f
                                                  WHERE f.session_id = :session AND f.deleted_at IS NULL),
                                  average_rating = coalesce((SELECT avg(f.rating) FROM feedback f
                                                  WHERE f.session_id = :session AND f.deleted_at IS NULL), 0)
                                WHERE id = :session""")
                        .setParameter("session", sessionId).executeUpdate()))
                .replaceWithVoid();
    }
}
