package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.persistence.NativeSql;

/** Counted attempts per bucket (e.g. {@code reset:<address>}); every replica counts in the same table. */
@ApplicationScoped
public class RateLimitRepository {

    /** How many attempts the bucket counted since {@code since}; inside the caller's session. */
    public Uni<Long> count(String bucket, OffsetDateTime since) {
        return Panache.getSession().flatMap(session -> NativeSql.value(session,
                        "SELECT count(*) FROM rate_limit_hit WHERE bucket = $1 AND hit_at > $2", bucket, since))
                .map(NativeSql::asLong);
    }

    /** Serializes the counting of one bucket until the caller's transaction ends (exact limits across replicas). */
    public Uni<Void> lock(String bucket) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session,
                        "SELECT pg_advisory_xact_lock(hashtext($1))", bucket)).replaceWithVoid();
    }

    /** Counts one attempt; inside the caller's transaction. */
    public Uni<Void> record(String bucket) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO rate_limit_hit (bucket, hit_at) VALUES (:bucket, :at)")
                .setParameter("bucket", bucket).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Forgets attempts older than {@code before}. */
    public Uni<Integer> purge(OffsetDateTime before) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "DELETE FROM rate_limit_hit WHERE hit_at < :before")
                .setParameter("before", before).executeUpdate());
    }
}
