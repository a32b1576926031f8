package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.openevent.user.domain.User;

/** Queries over user accounts; e-mail addresses compare case-insensitively. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    @Inject
    Pool pool;

    /**
     * Whether a live account uses this address. Plain SQL: the start-up check runs before the HQL parser is warm,
     * and its first use costs half a second.
     */
    public Uni<Boolean> liveEmailExists(String email) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(email) = $1 AND deleted_at IS NULL)")
                .execute(Tuple.of(normalize(email)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The live (not deleted) account with this e-mail address, or null. */
    public Uni<User> findLiveByEmail(String email) {
        return find("lower(email) = ?1 and deletedAt is null", normalize(email)).firstResult();
    }

    /** Whether a live account other than {@code exceptId} already uses this address. */
    public Uni<Boolean> emailTaken(String email, Long exceptId) {
        return count("lower(email) = ?1 and deletedAt is null and id <> ?2", normalize(email),
                exceptId == null ? -1L : exceptId).map(count -> count > 0);
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
