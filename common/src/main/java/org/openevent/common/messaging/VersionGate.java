package org.openevent.common.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The version-gated upsert of a projection row from a snapshot: load the row for update, skip the snapshot when
 * the stored version is not older, otherwise apply it and persist. Snapshots carry the whole state, so skipping
 * an older one after a newer one loses nothing, which makes reordered and repeated deliveries harmless.
 */
public final class VersionGate {

    private VersionGate() {
    }

    /**
     * Applies {@code apply} to the row {@code id} (created by {@code create} when missing) unless its version is
     * at least {@code incomingVersion}; {@code apply} must store the incoming version. Completes with whether the
     * snapshot was applied. Runs inside the consumer's transaction; two consumers racing to insert the same new
     * row make one of them fail on the primary key, and its retry then finds the row.
     */
    public static <E, I> Uni<Boolean> upsert(PanacheRepositoryBase<E, I> repository, I id, long incomingVersion,
                                             ToLongFunction<E> storedVersion, Supplier<E> create, Consumer<E> apply) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(existing -> {
            if (existing != null && storedVersion.applyAsLong(existing) >= incomingVersion) {
                return Uni.createFrom().item(false);
            }
            E row = existing == null ? create.get() : existing;
            apply.accept(row);
            return existing == null ? repository.persistAndFlush(row).replaceWith(true) : Uni.createFrom().item(true);
        });
    }

    /** True when a projection at {@code currentVersion} should take a message of {@code incomingVersion}. */
    public static boolean isNewer(Long currentVersion, long incomingVersion) {
        return currentVersion == null || incomingVersion > currentVersion;
    }
}
