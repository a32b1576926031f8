package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.openevent.common.persistence.NativeSql;

/** The single-use tokens behind verification and reset links, stored as hashes; all inside the caller's session. */
@ApplicationScoped
public class AccountTokenRepository {

    /** A token that was just used: whose account it names and for which address it was issued. */
    public record Used(long userId, String email) {
    }

    public Uni<Void> create(String hash, long userId, String purpose, String email, OffsetDateTime expiresAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO account_token (token_hash, user_id, purpose, email, created_at, expires_at)
                        VALUES (:hash, :user, :purpose, :email, now(), :expires)""")
                .setParameter("hash", hash).setParameter("user", userId).setParameter("purpose", purpose)
                .setParameter("email", email).setParameter("expires", expiresAt)
                .executeUpdate()).replaceWithVoid();
    }

    /** Marks the token used if it is unused, unexpired and of this purpose (atomically); null otherwise. */
    public Uni<Used> use(String hash, String purpose) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session, """
                        UPDATE account_token SET used_at = now()
                        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
                        RETURNING user_id, email""", hash, purpose))
                .map(rows -> rows.isEmpty() ? null : used(rows));
    }

    /** Voids every unused token of a purpose for an account (a newer link replaces older ones). */
    public Uni<Void> voidAll(long userId, String purpose) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE account_token SET used_at = now()
                        WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL""")
                .setParameter("user", userId).setParameter("purpose", purpose).executeUpdate()).replaceWithVoid();
    }

    private static Used used(List<Object[]> rows) {
        Object[] row = rows.get(0);
        return new Used(((Number) row[0]).longValue(), (String) row[1]);
    }
}
