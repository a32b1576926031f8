package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.persistence.Transactions;
import org.openevent.user.config.AuthConfig;
import org.openevent.user.repository.RateLimitRepository;

/**
 * Limits on account requests (failed logins per address, reset and verification mails per address and client),
 * counted in PostgreSQL so that several replicas behind the gateway share one count.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitRepository hits;
    private final AuthConfig config;

    public RateLimits(RateLimitRepository hits, AuthConfig config) {
        this.hits = hits;
        this.config = config;
    }

    /** Whether the bucket counted fewer than {@code max} attempts in the window. */
    public Uni<Boolean> allows(String bucket, int max) {
        return Panache.withSession(() -> hits.count(bucket, since())).map(count -> count < max);
    }

    /** Counts one attempt when the bucket allows it; false (nothing counted) when the limit is reached. */
    public Uni<Boolean> take(String bucket, int max) {
        return Transactions.run(() -> hits.lock(bucket).flatMap(locked -> hits.count(bucket, since()))
                .flatMap(count -> count >= max ? Uni.createFrom().item(false)
                        : hits.record(bucket).replaceWith(true)));
    }

    /** Counts one attempt unconditionally (e.g. a failed login). */
    public Uni<Void> record(String bucket) {
        return Transactions.run(() -> hits.record(bucket));
    }

    public AuthConfig.Limits limits() {
        return config.limits();
    }

    @Scheduled(every = "10m", delayed = "1m")
    Uni<Void> purge() {
        return Transactions.run(() -> hits.purge(since().minus(config.limits().window()))).replaceWithVoid();
    }

    private OffsetDateTime since() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(config.limits().window());
    }
}
