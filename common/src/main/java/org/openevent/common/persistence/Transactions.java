package org.openevent.common.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Transactions that run to their end even when whoever waits for them goes away. Quarkus REST cancels a request's
 * pipeline when its client disconnects; a cancel that reached Hibernate Reactive inside a transaction closed the
 * session with the transaction still live, the rollback failed and the connection never went back to the pool
 * (quarkusio/quarkus#51576, hibernate/hibernate-reactive#2926). A burst of clients timing out under load left
 * session-service with an exhausted pool and a readiness check that never answered. Here the work is subscribed
 * on its own: a cancel only drops the caller's interest, and the transaction commits or rolls back as usual.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in a transaction of the current reactive session, immune to the caller's cancellation. */
    public static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return completing(Panache.withTransaction(work));
    }

    /** Subscribes {@code work} so that cancelling the returned Uni does not cancel it. */
    public static <T> Uni<T> completing(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
