package org.openevent.common.persistence;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Native SQL that reads rows, run on the session's own connection and transaction. Hibernate Reactive 3.1 wraps the
 * result mapping of every native select in an object without {@code equals}, so each call missed the query plan
 * cache and stored one more plan under the hash of the same SQL: a busy service soon held 2,048 of them in one tree
 * bin, walked with string compares on every lookup, with its HQL plans pushed out. Statements take PostgreSQL's
 * {@code $1, $2, ...} parameters. Pending entity changes are flushed first, as Hibernate does before a native query.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** Every row, each as its column values. */
    public static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Object... parameters) {
        ReactiveConnection connection = ((MutinySessionImpl) session).getReactiveConnection();
        return session.flush().chain(() -> Uni.createFrom().completionStage(() -> connection.select(sql, parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** The first column of every row. */
    public static Uni<List<Object>> column(Mutiny.Session session, String sql, Object... parameters) {
        return rows(session, sql, parameters).map(rows -> {
            List<Object> values = new ArrayList<>(rows.size());
            rows.forEach(row -> values.add(row[0]));
            return values;
        });
    }

    /** The first column of the first row; fails when there is no row. */
    public static Uni<Object> value(Mutiny.Session session, String sql, Object... parameters) {
        return rows(session, sql, parameters).map(rows -> {
            if (rows.isEmpty()) {
                throw new NoSuchElementException("No row for " + sql);
            }
            return rows.get(0)[0];
        });
    }

    /** An integral column's value (int2, int4, int8, or numeric without a fraction). */
    public static long asLong(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        return ((Number) value).longValue();
    }

    /** A column of type int4 or smaller. */
    public static int asInt(Object value) {
        return Math.toIntExact(asLong(value));
    }

    /** A column of type date. */
    public static LocalDate asDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
