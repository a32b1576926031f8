package org.openevent.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.openevent.export.domain.ExportFile;
import org.openevent.export.domain.Plan;

/** Rendered files (their assembly plans), their reuse for unchanged schedule versions, and their retention. */
@ApplicationScoped
public class ExportFileRepository {

    private static final String COLUMNS = "id, event_id, format, schedule_version, event_version, feed_epoch, "
            + "file_name, content_type, head, separator, fragment_ids, prefixes, tail, created_at, fragment_bytes";

    private final Pool pool;

    public ExportFileRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(ExportFile file) {
        Plan plan = file.plan();
        Long[] ids = new Long[plan.fragmentIds().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = plan.fragmentIds()[i];
        }
        return pool.preparedQuery("INSERT INTO export_file (" + COLUMNS + ", last_used_at) VALUES "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14)")
                .execute(Tuple.from(new Object[] {file.id(), file.eventId(), file.format(), file.scheduleVersion(),
                        file.eventVersion(), file.feedEpoch(), file.fileName(), file.contentType(),
                        Buffer.buffer(plan.head()), Buffer.buffer(plan.separator()), ids,
                        Buffer.buffer(plan.encodedPrefixes()), Buffer.buffer(plan.tail()), file.createdAt(),
                        plan.fragmentBytes()}))
                .replaceWithVoid();
    }

    public Uni<ExportFile> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM export_file WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : file(rows.iterator().next()));
    }

    /**
     * The newest file of the event and format that holds every schedule change up to {@code scheduleVersion} and was
     * rendered at the current event version and feed epoch, marked as used now; null when there is none.
     */
    public Uni<ExportFile> reusable(long eventId, String format, long scheduleVersion, long eventVersion,
                                    long feedEpoch) {
        return pool.preparedQuery("UPDATE export_file SET last_used_at = now() WHERE id = (SELECT id FROM export_file "
                        + "WHERE event_id = $1 AND format = $2 AND schedule_version >= $3 AND event_version = $4 "
                        + "AND feed_epoch = $5 ORDER BY created_at DESC LIMIT 1) RETURNING " + COLUMNS)
                .execute(Tuple.of(eventId, format, scheduleVersion, eventVersion, feedEpoch))
                .map(rows -> rows.size() == 0 ? null : file(rows.iterator().next()));
    }

    /**
     * Deletes files that are neither among the newest {@code keepVersions} of their event and format nor handed
     * out within {@code keepFor}; returns how many went.
     */
    public Uni<Integer> prune(int keepVersions, Duration keepFor) {
        return pool.preparedQuery("DELETE FROM export_file WHERE id IN (SELECT id FROM (SELECT id, last_used_at, "
                        + "row_number() OVER (PARTITION BY event_id, format ORDER BY created_at DESC) AS newest "
                        + "FROM export_file) ranked WHERE newest > $1 AND last_used_at < now() - $2 * interval '1 second')")
                .execute(Tuple.of(keepVersions, keepFor.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    private static ExportFile file(Row row) {
        Long[] boxed = row.getArrayOfLongs(10);
        long[] ids = new long[boxed.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = boxed[i];
        }
        Plan plan = new Plan(bytes(row, 8), bytes(row, 9), ids, Plan.decodePrefixes(bytes(row, 11)), bytes(row, 12),
                row.getLong(14));
        return new ExportFile(row.getUUID(0), row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
                row.getLong(5), row.getString(6), row.getString(7), plan, row.getOffsetDateTime(13));
    }

    private static byte[] bytes(Row row, int column) {
        return row.getBuffer(column).getBytes();
    }
}
