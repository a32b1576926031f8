package org.openevent.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Per user, the nonce a personal feed token is derived from and the token's hash (never the token). */
@ApplicationScoped
public class FeedTokenRepository {

    private final Pool pool;

    public FeedTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /** A user's stored token facts. */
    public record Stored(byte[] nonce, byte[] tokenHash, OffsetDateTime createdAt) {
    }

    public Uni<Stored> find(long userId) {
        return pool.preparedQuery("SELECT nonce, token_hash, created_at FROM feed_token WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
    }

    /** Stores a first token unless the user has one already (a concurrent request may have made it). */
    public Uni<Void> insertIfAbsent(long userId, byte[] nonce, byte[] tokenHash) {
        return pool.preparedQuery("INSERT INTO feed_token (user_id, nonce, token_hash, created_at) "
                        + "VALUES ($1, $2, $3, now()) ON CONFLICT (user_id) DO NOTHING")
                .execute(Tuple.of(userId, Buffer.buffer(nonce), Buffer.buffer(tokenHash))).replaceWithVoid();
    }

    /** Replaces the user's token (rotation): the old one stops working at once. */
    public Uni<Void> replace(long userId, byte[] nonce, byte[] tokenHash) {
        return pool.preparedQuery("INSERT INTO feed_token (user_id, nonce, token_hash, created_at) "
                        + "VALUES ($1, $2, $3, now()) ON CONFLICT (user_id) DO UPDATE SET nonce = excluded.nonce, "
                        + "token_hash = excluded.token_hash, created_at = excluded.created_at")
                .execute(Tuple.of(userId, Buffer.buffer(nonce), Buffer.buffer(tokenHash))).replaceWithVoid();
    }

    /** Re-records the hash of the token derived from the same nonce (after the signing key changed). */
    public Uni<Void> rehash(long userId, byte[] tokenHash) {
        return pool.preparedQuery("UPDATE feed_token SET token_hash = $2 WHERE user_id = $1")
                .execute(Tuple.of(userId, Buffer.buffer(tokenHash))).replaceWithVoid();
    }

    public Uni<Void> delete(long userId) {
        return pool.preparedQuery("DELETE FROM feed_token WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    /** The user whose current token has this hash, or null. */
    public Uni<Long> owner(byte[] tokenHash) {
        return pool.preparedQuery("SELECT user_id FROM feed_token WHERE token_hash = $1")
                .execute(Tuple.of(Buffer.buffer(tokenHash)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    private static Stored stored(Row row) {
        return new Stored(row.getBuffer(0).getBytes(), row.getBuffer(1).getBytes(), row.getOffsetDateTime(2));
    }
}
