package org.openevent.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openevent.stats.domain.Aggregate;
import org.openevent.stats.domain.ComparedFigure;

/**
 * The reconciliation's tables (V11__reconciliation.sql): the replayed snapshots, the recount and its comparison with
 * the maintained figures. A reconciliation works on one connection that holds an advisory lock, so only one runs at
 * a time across replicas; each statement is its own short transaction.
 */
@ApplicationScoped
public class ReplayRepository {

    /** The advisory lock key of the reconciliation ("STATS" in ASCII). */
    public static final long LOCK = 0x5354415453L;

    private final Pool pool;

    public ReplayRepository(Pool pool) {
        this.pool = pool;
    }

    /** The session of a new reconciliation, or null while another one runs. */
    public Uni<Session> open() {
        return pool.getConnection().flatMap(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .onFailure().call(connection::close)
                .flatMap(locked -> locked ? Uni.createFrom().item(new Session(connection))
                        : connection.close().replaceWith((Session) null)));
    }

    /** A reconciliation's connection; closing it releases the lock. */
    public static final class Session {

        private final SqlConnection connection;

        Session(SqlConnection connection) {
            this.connection = connection;
        }

        /** Forgets the snapshots of an earlier reconciliation. */
        public Uni<Void> clear() {
            return connection.query("SELECT replay_clear()").execute().replaceWithVoid();
        }

        /** Keeps the newest of the snapshots (rows as the apply functions take them) per aggregate. */
        public Uni<Void> keep(Aggregate aggregate, String batch) {
            return connection.preparedQuery("SELECT replay_keep($1, $2::text::jsonb)")
                    .execute(Tuple.of(aggregate.key(), batch)).replaceWithVoid();
        }

        /** Rolls the maintained figures over to {@code at}, as the periodic roll-over would. */
        public Uni<Void> rollOver(OffsetDateTime at) {
            return connection.preparedQuery("SELECT stats_roll_over($1)").execute(Tuple.of(at)).replaceWithVoid();
        }

        /**
         * Recounts every figure from the snapshots and compares it with the maintained one as of {@code at}; yields
         * the number of figures compared (either side not zero).
         */
        public Uni<Long> compare(OffsetDateTime at) {
            return connection.preparedQuery("SELECT stats_compare($1)").execute(Tuple.of(at))
                    .map(rows -> rows.iterator().next().getLong(0));
        }

        /** The figures that differ, at most {@code limit}, by scope and name. */
        public Uni<List<ComparedFigure>> drift(int limit) {
            return rows("SELECT scope, figure, maintained, rebuilt FROM replay_comparison WHERE maintained <> rebuilt "
                    + "ORDER BY scope, figure LIMIT $1", Tuple.of(limit));
        }

        public Uni<Long> driftCount() {
            return connection.query("SELECT count(*) FROM replay_comparison WHERE maintained <> rebuilt").execute()
                    .map(rows -> rows.iterator().next().getLong(0));
        }

        /**
         * The platform's figures as compared: the totals, then the event type and topic counts and the daily figures
         * of the last {@code days} days before {@code at} (not the mail hours).
         */
        public Uni<List<ComparedFigure>> platform(OffsetDateTime at, int days) {
            String first = at.toLocalDate().minusDays(days - 1L).toString();
            return rows("SELECT scope, figure, maintained, rebuilt FROM replay_comparison WHERE scope = 0 "
                    + "AND figure NOT LIKE 'mails.sent@%' AND (figure NOT LIKE '%.%@%' OR right(figure, 10) >= $1) "
                    + "ORDER BY figure LIKE '%@%', figure", Tuple.of(first));
        }

        private Uni<List<ComparedFigure>> rows(String sql, Tuple arguments) {
            return connection.preparedQuery(sql).execute(arguments).map(rows -> {
                List<ComparedFigure> compared = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    compared.add(new ComparedFigure(row.getLong(0), row.getString(1), row.getLong(2), row.getLong(3)));
                }
                return compared;
            });
        }

        public Uni<Void> close() {
            return connection.query("SELECT pg_advisory_unlock_all()").execute()
                    .onItemOrFailure().transformToUni((ignored, failure) -> connection.close());
        }
    }
}
