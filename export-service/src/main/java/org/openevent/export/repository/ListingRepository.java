package org.openevent.export.repository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openevent.export.calendar.SessionInfo;
import org.openevent.export.domain.Selection;
import org.openevent.export.domain.Session;

/**
 * Reads the listed sessions of a {@link Selection} for rendering, in bounded queries: their extent, their content
 * in batches, and (streamed through a cursor, so memory stays flat) the
 * ordered fragment ids a file or feed is assembled from, or only the sessions changed since a schedule version. Also
 * ends the listing of cancellations whose period is over.
 */
@ApplicationScoped
public class ListingRepository {

    /** Rows fetched per round trip while a plan's rows stream through the cursor. */
    private static final int CURSOR_FETCH = 2000;

    /** Joins each session {@code s} to its fragment of the current generation in format {@code $1}, if stored. */
    private static final String CURRENT_FRAGMENT = "LEFT JOIN session_fragment f ON f.session_id = s.id "
            + "AND f.format = $1 AND f.render_gen = s.render_gen AND f.superseded_at IS NULL ";

    private final Pool pool;

    public ListingRepository(Pool pool) {
        this.pool = pool;
    }

    /** How many sessions a selection lists, the first and last start and the last end among them. */
    public record Extent(long count, OffsetDateTime firstStart, OffsetDateTime lastStart, OffsetDateTime lastEnd) {
    }

    /** A session to render: its content, the generation it was read at, and its event. */
    public record RenderInput(long eventId, long renderGen, SessionInfo session) {
    }

    /**
     * One session of a plan in order: its render generation, its current fragment (null when it has none at that
     * generation) and that fragment's length, its listed start and end and, for Pentabarf, its local day, the day's
     * first start and last end, and its room.
     */
    public record PlanRow(long sessionId, long renderGen, Long fragmentId, int fragmentLength, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, LocalDate day, OffsetDateTime dayStart, OffsetDateTime dayEnd,
                          Long roomId, String roomName) {
    }

    /**
     * The name of a live track, room or speaker of the event (what a filtered feed is named after), or null when
     * there is no such thing in that event.
     */
    public Uni<String> scopeName(Selection.Kind kind, long id, long eventId) {
        String table = switch (kind) {
            case TRACK -> "track";
            case ROOM -> "microlocation";
            case SPEAKER -> "speaker";
            default -> throw new IllegalArgumentException("Only tracks, rooms and speakers scope a feed: " + kind);
        };
        return pool.preparedQuery("SELECT name FROM " + table + " WHERE id = $1 AND event_id = $2 AND deleted_at IS NULL")
                .execute(Tuple.of(id, eventId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    public Uni<Extent> extent(Selection selection) {
        Where where = where(selection, 1);
        return pool.preparedQuery("SELECT count(*), min(s.listed_starts_at), max(s.listed_starts_at), "
                        + "max(s.listed_ends_at) FROM session s WHERE " + where.sql).execute(where.args)
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Extent(row.getLong(0), row.getOffsetDateTime(1), row.getOffsetDateTime(2),
                            row.getOffsetDateTime(3));
                });
    }

    /**
     * Unlists cancellations older than {@code period} and moves their events' feed epoch (their feeds change without
     * a schedule version); returns how many sessions were unlisted.
     */
    public Uni<Integer> endCancellations(Duration period) {
        return pool.preparedQuery("WITH ended AS (UPDATE session SET listing = 0 WHERE listing = 2 "
                        + "AND cancelled_at < now() - $1 * interval '1 second' RETURNING event_id), "
                        + "moved AS (UPDATE event_projection SET feed_epoch = feed_epoch + 1, feed_epoch_at = now() "
                        + "WHERE id IN (SELECT event_id FROM ended)) SELECT count(*) FROM ended")
                .execute(Tuple.of(period.toSeconds()))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The content of the given sessions that are still listed, with their track, room, type and speakers. */
    public Uni<List<RenderInput>> load(List<Long> sessionIds) {
        Tuple ids = Tuple.of(sessionIds.toArray(Long[]::new));
        return pool.preparedQuery("SELECT ss.session_id, sp.id, sp.name, sp.organisation FROM session_speaker ss "
                        + "JOIN speaker sp ON sp.id = ss.speaker_id AND sp.deleted_at IS NULL "
                        + "WHERE ss.session_id = ANY($1) ORDER BY ss.session_id, ss.position").execute(ids)
                .flatMap(speakerRows -> {
                    Map<Long, List<SessionInfo.Speaker>> speakers = new HashMap<>();
                    speakerRows.forEach(row -> speakers.computeIfAbsent(row.getLong(0), k -> new ArrayList<>())
                            .add(new SessionInfo.Speaker(row.getLong(1), row.getString(2), row.getString(3))));
                    return pool.preparedQuery("SELECT s.id, s.event_id, s.render_gen, s.title, s.subtitle, "
                                    + "s.short_abstract, s.long_abstract, s.language, s.listed_starts_at, s.listed_ends_at, "
                                    + "s.listing, s.version, s.updated_at, t.name, m.name, m.latitude, m.longitude, st.name "
                                    + "FROM session s "
                                    + "LEFT JOIN track t ON t.id = s.track_id AND t.deleted_at IS NULL "
                                    + "LEFT JOIN microlocation m ON m.id = s.microlocation_id AND m.deleted_at IS NULL "
                                    + "LEFT JOIN session_type st ON st.id = s.session_type_id AND st.deleted_at IS NULL "
                                    + "WHERE s.id = ANY($1) AND s.listing > 0").execute(ids)
                            .map(rows -> {
                                List<RenderInput> inputs = new ArrayList<>(rows.size());
                                for (Row row : rows) {
                                    long id = row.getLong(0);
                                    SessionInfo info = new SessionInfo(id, row.getString(3), row.getString(4),
                                            row.getString(5), row.getString(6), row.getString(7),
                                            row.getOffsetDateTime(8), row.getOffsetDateTime(9), row.getString(13),
                                            row.getString(14), row.getDouble(15), row.getDouble(16), row.getString(17),
                                            speakers.getOrDefault(id, List.of()), row.getLong(11),
                                            row.getOffsetDateTime(12), row.getShort(10) == Session.CANCELLED);
                                    inputs.add(new RenderInput(row.getLong(1), row.getLong(2), info));
                                }
                                return inputs;
                            });
                });
    }

    /**
     * The selection's sessions in file order with their current fragment in {@code format}, streamed through a
     * cursor. Calendars are ordered by start; Pentabarf by local day (in {@code zone}), room and start. Only current
     * (not superseded) fragments are joined, through an index that holds just those.
     */
    public Multi<PlanRow> planRows(Selection selection, String format, String zone, boolean byDayAndRoom) {
        Where where = where(selection, byDayAndRoom ? 3 : 2);
        String sql = byDayAndRoom
                ? "SELECT s.id, s.render_gen, f.id, f.content_length, s.listed_starts_at, s.listed_ends_at, "
                        + "s.local_day, "
                        + "min(s.listed_starts_at) OVER day, max(s.listed_ends_at) OVER day, m.id, m.name "
                        + "FROM (SELECT s.*, (s.listed_starts_at AT TIME ZONE $2)::date AS local_day "
                        + "FROM session s WHERE " + where.sql + ") s "
                        + "LEFT JOIN microlocation m ON m.id = s.microlocation_id AND m.deleted_at IS NULL "
                        + CURRENT_FRAGMENT
                        + "WINDOW day AS (PARTITION BY s.local_day) "
                        + "ORDER BY s.local_day, coalesce(m.name, ''), coalesce(m.id, 0), s.listed_starts_at, s.id"
                : "SELECT s.id, s.render_gen, f.id, f.content_length, s.listed_starts_at, s.listed_ends_at "
                        + "FROM session s " + CURRENT_FRAGMENT
                        + "WHERE " + where.sql + " ORDER BY s.listed_starts_at, s.id";
        Tuple args = prepend(format, byDayAndRoom ? prepend(zone, where.args) : where.args);
        return Multi.createFrom().resourceFromUni(
                        // The generic plan walks the listing index and probes each session's current fragment,
                        // which stays fast whatever the event's size; a plan made for a large event's exact numbers
                        // prefers hashing all its fragments and sorting, three times slower here.
                        () -> pool.getConnection().flatMap(connection -> connection.begin()
                                .call(() -> connection.query("SET LOCAL plan_cache_mode = force_generic_plan")
                                        .execute())
                                .map(transaction -> new Cursor(connection, transaction))),
                        cursor -> cursor.connection().prepare(sql).onItem()
                                .transformToMulti(statement -> batches(statement.cursor(args))))
                .withFinalizer((Cursor cursor) -> cursor.transaction().rollback()
                        .onTermination().call(() -> cursor.connection().close()))
                .map(row -> byDayAndRoom
                        ? new PlanRow(row.getLong(0), row.getLong(1), row.getLong(2), length(row),
                        row.getOffsetDateTime(4), row.getOffsetDateTime(5), row.getLocalDate(6),
                        row.getOffsetDateTime(7), row.getOffsetDateTime(8), row.getLong(9), row.getString(10))
                        : new PlanRow(row.getLong(0), row.getLong(1), row.getLong(2), length(row),
                        row.getOffsetDateTime(4), row.getOffsetDateTime(5), null, null, null, null, null));
    }

    /**
     * The sessions of a selection of a whole schedule that changes marked above {@code sinceVersion}: all of their
     * ids, and those still listed as plan rows in file order; null when there are more than {@code limit}.
     */
    public Uni<Changes> changedSince(Selection selection, String format, long sinceVersion, int limit) {
        if (selection.kind() != Selection.Kind.ALL) {
            throw new IllegalArgumentException("Only whole schedules are planned from their changes: " + selection);
        }
        return pool.preparedQuery("SELECT s.id, s.render_gen, f.id, f.content_length, s.listed_starts_at, "
                        + "s.listed_ends_at, s.listing BETWEEN 1 AND $3 FROM session s " + CURRENT_FRAGMENT
                        + "WHERE s.event_id = $2 AND s.changed_in > $4 ORDER BY s.listed_starts_at, s.id LIMIT $5")
                .execute(Tuple.of(format, selection.eventId(), maxListing(selection), sinceVersion, limit + 1))
                .map(rows -> {
                    if (rows.size() > limit) {
                        return null;
                    }
                    long[] ids = new long[rows.size()];
                    List<PlanRow> listed = new ArrayList<>();
                    int at = 0;
                    for (Row row : rows) {
                        ids[at++] = row.getLong(0);
                        if (row.getBoolean(6)) {
                            listed.add(new PlanRow(row.getLong(0), row.getLong(1), row.getLong(2), length(row),
                                    row.getOffsetDateTime(4), row.getOffsetDateTime(5), null, null, null, null, null));
                        }
                    }
                    return new Changes(ids, listed);
                });
    }

    /** What changed in a schedule: every changed session's id, and the listed ones among them in file order. */
    public record Changes(long[] sessionIds, List<PlanRow> listed) {
    }

    /**
     * The cursor's rows, read {@code CURSOR_FETCH} at a time as whole batches. A row stream hands rows over one by
     * one with flow control around each: 37-53 ms for 10,000 listing rows here, against 21-33 ms in batches (the
     * query itself takes 11).
     */
    private static Multi<Row> batches(io.vertx.mutiny.sqlclient.Cursor cursor) {
        return Multi.createBy().repeating().uni(() -> cursor.read(CURSOR_FETCH))
                .whilst(rows -> cursor.hasMore())
                .onItem().transformToIterable(rows -> rows);
    }

    private static int length(Row row) {
        Integer length = row.getInteger(3);
        return length == null ? 0 : length;
    }

    private record Cursor(SqlConnection connection, Transaction transaction) {
    }

    /** A WHERE clause over {@code session s} for a selection, with its arguments numbered from {@code first}. */
    private record Where(String sql, Tuple args) {
    }

    private static Where where(Selection selection, int first) {
        StringBuilder sql = new StringBuilder("s.event_id = $").append(first).append(" AND s.listing BETWEEN 1 AND $")
                .append(first + 1);
        Tuple args = Tuple.of(selection.eventId(), maxListing(selection));
        String key = "$" + (first + 2);
        switch (selection.kind()) {
            case ALL -> { }
            case NONE -> sql.append(" AND false");
            case TRACK -> sql.append(" AND s.track_id = ").append(key);
            case ROOM -> sql.append(" AND s.microlocation_id = ").append(key);
            case SPEAKER -> sql.append(" AND EXISTS (SELECT 1 FROM session_speaker ss WHERE ss.session_id = s.id "
                    + "AND ss.speaker_id = ").append(key).append(')');
            case FAVOURITES -> sql.append(" AND EXISTS (SELECT 1 FROM favourite fv WHERE fv.session_id = s.id "
                    + "AND fv.user_id = ").append(key).append(" AND fv.deleted_at IS NULL)");
        }
        if (selection.kind() != Selection.Kind.ALL && selection.kind() != Selection.Kind.NONE) {
            args.addLong(selection.key());
        }
        return new Where(sql.toString(), args);
    }

    /** The highest listing state the selection lists: cancellations too, or only what is scheduled. */
    private static short maxListing(Selection selection) {
        return selection.withCancelled() ? Session.CANCELLED : Session.SCHEDULED;
    }

    /** The arguments with {@code first} in front (as $1, shifting the others). */
    private static Tuple prepend(Object first, Tuple rest) {
        List<Object> values = new ArrayList<>(rest.size() + 1);
        values.add(first);
        for (int i = 0; i < rest.size(); i++) {
            values.add(rest.getValue(i));
        }
        return Tuple.from(values);
    }
}
