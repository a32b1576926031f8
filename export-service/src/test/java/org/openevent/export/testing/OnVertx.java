package org.openevent.export.testing;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs service code the way a consumer or scheduled job does: on a safe duplicated Vert.x context. */
public final class OnVertx {

    private OnVertx() {
    }

    public static <T> T run(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
