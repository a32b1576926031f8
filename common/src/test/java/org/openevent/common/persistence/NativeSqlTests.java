package org.openevent.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Native SQL runs in the session's transaction, reads columns as their values and leaves the plan cache alone. */
@QuarkusTest
class NativeSqlTests {

    private static final int RUNS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void leavesTheQueryPlanCacheAlone() {
        long[] before = planCounts();
        for (int i = 0; i < RUNS; i++) {
            long n = i;
            assertEquals(n + 1, sessions.withSession(session -> NativeSql.value(session,
                    "SELECT CAST($1 AS bigint) + 1", n)).map(NativeSql::asLong).await().atMost(TIMEOUT));
        }
        long[] after = planCounts();
        assertEquals(0, after[0] - before[0], "plan cache misses");
        assertEquals(0, after[1] - before[1], "plan cache hits");
    }

    /**
     * What the helper works around, kept as a canary: when this fails, Hibernate Reactive caches native plans
     * properly again and {@link NativeSql} could go back to {@code createNativeQuery}.
     */
    @Test
    void hibernateNativeSelectsMissTheCacheOnEveryCall() {
        long before = planCounts()[0];
        Function<Mutiny.Session, Uni<Long>> query = session -> session.createNativeQuery(
                "SELECT CAST(:n AS bigint) + 2 AS canary", Long.class).setParameter("n", 40L).getSingleResult();
        for (int i = 0; i < RUNS; i++) {
            assertEquals(42L, sessions.withSession(query).await().atMost(TIMEOUT));
        }
        assertEquals(RUNS, planCounts()[0] - before);
    }

    @Test
    void seesWhatTheTransactionWroteAndNothingAfterARollback() {
        String id = "native-sql-" + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> sessions.withTransaction(session -> session
                .createNativeQuery("INSERT INTO processed_message (message_id, processed_at) VALUES (:id, now())")
                .setParameter("id", id).executeUpdate()
                .chain(() -> NativeSql.value(session, "SELECT count(*) FROM processed_message WHERE message_id = $1",
                        id))
                .invoke(count -> assertEquals(1L, NativeSql.asLong(count)))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("roll back"))))
                .await().atMost(TIMEOUT));
        assertEquals(0L, sessions.withSession(session -> NativeSql.value(session,
                "SELECT count(*) FROM processed_message WHERE message_id = $1", id)).map(NativeSql::asLong)
                .await().atMost(TIMEOUT));
    }

    @Test
    void readsColumnsAsTheirJavaValues() {
        Object[] row = sessions.withSession(session -> NativeSql.rows(session,
                        "SELECT CAST(7 AS int2), CAST(8 AS int4), CAST(9 AS int8), CAST(10 AS numeric), "
                                + "DATE '2027-03-28', 'text'"))
                .await().atMost(TIMEOUT).get(0);
        assertEquals(7, NativeSql.asInt(row[0]));
        assertEquals(8, NativeSql.asInt(row[1]));
        assertEquals(9L, NativeSql.asLong(row[2]));
        assertEquals(10L, NativeSql.asLong(row[3]));
        assertEquals(LocalDate.of(2027, 3, 28), NativeSql.asDate(row[4]));
        assertEquals("text", row[5]);
        assertEquals(List.of(1, 2, 3), sessions.withSession(session -> NativeSql.column(session,
                "SELECT * FROM generate_series(1, 3)")).await().atMost(TIMEOUT));
        assertThrows(NoSuchElementException.class, () -> sessions.withSession(session -> NativeSql.value(session,
                "SELECT 1 WHERE false")).await().atMost(TIMEOUT));
    }

    private long[] planCounts() {
        Statistics statistics = sessions.getStatistics();
        return new long[] {statistics.getQueryPlanCacheMissCount(), statistics.getQueryPlanCacheHitCount()};
    }
}
