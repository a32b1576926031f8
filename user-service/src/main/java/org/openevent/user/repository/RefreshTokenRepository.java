package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Refresh tokens (remember-me sessions) as SHA-256 hashes; all inside the caller's session. */
@ApplicationScoped
public class RefreshTokenRepository {

    public Uni<Void> create(UUID id, long userId, String hash, OffsetDateTime expiresAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO refresh_token (id, user_id, token_hash, created_at, expires_at)
                        VALUES (:id, :user, :hash, now(), :expires)""")
                .setParameter("id", id).setParameter("user", userId).setParameter("hash", hash)
                .setParameter("expires", expiresAt).executeUpdate()).replaceWithVoid();
    }

    /**
     * Records a use of the refresh token if it is the stored one, of this account, unrevoked and unexpired; false
     * otherwise (revoked by logout, a password change, a block or the account's deletion).
     */
    public Uni<Boolean> use(UUID id, long userId, String hash) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE refresh_token SET last_used_at = now()
                        WHERE id = :id AND user_id = :user AND token_hash = :hash AND revoked_at IS NULL
                          AND expires_at > now()""")
                .setParameter("id", id).setParameter("user", userId).setParameter("hash", hash)
                .executeUpdate()).map(updated -> updated > 0);
    }

    /** Revokes one refresh token (logout). */
    public Uni<Void> revoke(UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "UPDATE refresh_token SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Revokes every refresh token of an account (password change, block, deletion). */
    public Uni<Void> revokeAll(long userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "UPDATE refresh_token SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
                .setParameter("user", userId).executeUpdate()).replaceWithVoid();
    }
}
