package org.openevent.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A caller that goes away mid-transaction (a client that disconnects) neither loses the transaction's effect nor a
 * pooled connection: more cancelled transactions than the pool holds connections all commit, and the pool still
 * serves the next one.
 */
@QuarkusTest
class TransactionsTests {

    /** More than quarkus.datasource.reactive.max-size (20): each leaked connection would be gone for good. */
    private static final int CANCELLED = 30;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Test
    void cancelledCallersLeaveCommittedTransactionsAndAFullPool() throws Exception {
        String prefix = "cancelled-" + System.nanoTime() + "-";
        List<CompletableFuture<Void>> cancelled = new ArrayList<>();
        for (int i = 0; i < CANCELLED; i++) {
            String id = prefix + i;
            CompletableFuture<Void> done = new CompletableFuture<>();
            Context context = safeContext();
            context.runOnContext(ignored -> {
                var subscription = Transactions.run(() -> Panache.getSession()
                                .flatMap(session -> NativeSql.rows(session, "SELECT pg_sleep(0.2)")
                                        .chain(() -> session.createNativeQuery("INSERT INTO processed_message "
                                                        + "(message_id, processed_at) VALUES (:id, now())")
                                                .setParameter("id", id).executeUpdate())))
                        .subscribe().with(item -> { }, failure -> { });
                vertx.setTimer(50, timer -> {
                    subscription.cancel();
                    done.complete(null);
                });
            });
            cancelled.add(done);
        }
        CompletableFuture.allOf(cancelled.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        // The transactions outlive their callers by design, so nothing hands back their end: the test looks at the
        // table until all have committed (each takes 200 ms; ten of them wait for a free connection first).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long committed = 0;
        while (committed < CANCELLED && System.nanoTime() < deadline) {
            Thread.sleep(100);
            committed = pool.preparedQuery("SELECT count(*) FROM processed_message WHERE message_id LIKE $1")
                    .execute(Tuple.of(prefix + "%")).await().atMost(Duration.ofSeconds(5)).iterator().next()
                    .getLong(0);
        }
        assertEquals(CANCELLED, committed, "every cancelled caller's transaction committed");

        CompletableFuture<Long> next = new CompletableFuture<>();
        safeContext().runOnContext(ignored -> Transactions.run(
                        () -> Panache.getSession().flatMap(session -> NativeSql.value(session, "SELECT 42")))
                .map(NativeSql::asLong)
                .subscribe().with(next::complete, next::completeExceptionally));
        assertEquals(42L, next.get(5, TimeUnit.SECONDS), "the pool still has connections to give");
    }

    /** A duplicated context flagged safe for Hibernate Reactive, as Quarkus gives each request. */
    private Context safeContext() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** Cancelling the returned Uni leaves the work subscribed until it ends on its own. */
    @Test
    void completingIgnoresTheCallersCancel() throws Exception {
        CompletableFuture<String> finished = new CompletableFuture<>();
        Uni<String> work = Uni.createFrom().item("done").onItem().delayIt().by(Duration.ofMillis(200))
                .invoke(finished::complete);
        Transactions.completing(work).subscribe().with(item -> { }).cancel();
        assertEquals("done", finished.get(5, TimeUnit.SECONDS));
    }
}
