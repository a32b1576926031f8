package org.openevent.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendered session fragments: immutable per session, format and render generation. Storing a newer generation
 * marks the older ones superseded; superseded fragments no kept file refers to are collected after a grace period.
 */
@ApplicationScoped
public class FragmentRepository {

    private final Pool pool;
    private final FragmentCache cache;

    public FragmentRepository(Pool pool, FragmentCache cache) {
        this.pool = pool;
        this.cache = cache;
    }

    /** A rendered fragment of a session at a render generation. */
    public record Rendered(long sessionId, long renderGen, byte[] content) {
    }

    /** A stored fragment: its id, session, render generation and length in bytes. */
    public record Stored(long id, long sessionId, long renderGen, int length) {
    }

    /**
     * Stores fragments in one statement and returns them with their ids; one that another renderer stored
     * meanwhile is kept as it is (and not returned), and older generations of the same sessions become superseded.
     * With {@code keep}, what was stored is also kept in memory, so the file about to stream need not read it back.
     */
    public Uni<List<Stored>> store(long eventId, String format, List<Rendered> fragments, boolean keep) {
        if (fragments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] sessions = new Long[fragments.size()];
        Long[] generations = new Long[fragments.size()];
        Buffer[] contents = new Buffer[fragments.size()];
        for (int i = 0; i < fragments.size(); i++) {
            sessions[i] = fragments.get(i).sessionId();
            generations[i] = fragments.get(i).renderGen();
            contents[i] = Buffer.buffer(fragments.get(i).content());
        }
        return pool.preparedQuery("WITH input AS (SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) "
                        + "AS i(session_id, render_gen, content)), "
                        + "stored AS (INSERT INTO session_fragment (session_id, event_id, format, render_gen, content) "
                        + "SELECT session_id, $4, $5, render_gen, content FROM input ON CONFLICT DO NOTHING "
                        + "RETURNING id, session_id, render_gen, content_length), "
                        + "superseded AS (UPDATE session_fragment f SET superseded_at = now() FROM input i "
                        + "WHERE f.session_id = ANY($1::bigint[]) AND f.session_id = i.session_id AND f.format = $5 "
                        + "AND f.render_gen < i.render_gen "
                        + "AND f.superseded_at IS NULL) "
                        + "SELECT id, session_id, render_gen, content_length FROM stored")
                .execute(Tuple.of(sessions, generations, contents, eventId, format))
                .map(rows -> {
                    Map<Long, byte[]> contentBySession = keep ? new HashMap<>(fragments.size() * 2) : Map.of();
                    if (keep) {
                        for (Rendered fragment : fragments) {
                            contentBySession.put(fragment.sessionId(), fragment.content());
                        }
                    }
                    List<Stored> stored = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        Stored fragment = new Stored(row.getLong(0), row.getLong(1), row.getLong(2),
                                row.getInteger(3));
                        stored.add(fragment);
                        if (keep) {
                            cache.put(fragment.id(), contentBySession.get(fragment.sessionId()));
                        }
                    }
                    return stored;
                });
    }

    /** Whether the fragments of a file of this size are kept in memory as it streams. */
    public boolean keeps(long fileBytes) {
        return cache.worthKeeping(fileBytes);
    }

    /**
     * The contents of the given fragments in the given order, from memory where kept and otherwise in one query
     * (what is read is kept when {@code keep}); a missing one fails (it was collected). The arrays are the kept ones
     * themselves, not copies: nobody may write to them.
     */
    public Uni<List<byte[]>> contents(long[] ids, int from, int to, boolean keep) {
        byte[][] contents = new byte[to - from][];
        List<Long> missing = new ArrayList<>();
        for (int i = from; i < to; i++) {
            byte[] kept = cache.get(ids[i]);
            if (kept != null) {
                contents[i - from] = kept;
            } else {
                missing.add(ids[i]);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(Arrays.asList(contents));
        }
        return pool.preparedQuery("SELECT id, content FROM session_fragment WHERE id = ANY($1::bigint[])")
                .execute(Tuple.of((Object) missing.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, byte[]> read = new HashMap<>(rows.size() * 2);
                    for (Row row : rows) {
                        byte[] content = row.getBuffer(1).getBytes();
                        read.put(row.getLong(0), content);
                        if (keep) {
                            cache.put(row.getLong(0), content);
                        }
                    }
                    for (int i = from; i < to; i++) {
                        if (contents[i - from] == null) {
                            byte[] content = read.get(ids[i]);
                            if (content == null) {
                                throw new IllegalStateException("Fragments of this file were removed; render it again");
                            }
                            contents[i - from] = content;
                        }
                    }
                    return Arrays.asList(contents);
                });
    }

    /**
     * Deletes superseded fragments older than {@code grace} that no kept file of their event can refer to (files
     * only refer to fragments that were current when they were made); returns how many went.
     */
    public Uni<Integer> collect(Duration grace) {
        return pool.preparedQuery("DELETE FROM session_fragment f WHERE f.superseded_at < now() - $1 * interval '1 second' "
                        + "AND f.superseded_at < coalesce((SELECT min(x.created_at) FROM export_file x "
                        + "WHERE x.event_id = f.event_id), 'infinity')")
                .execute(Tuple.of(grace.toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
