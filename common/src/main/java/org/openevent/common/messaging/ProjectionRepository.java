package org.openevent.common.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;

/**
 * A repository of projected rows keyed by their upstream id, soft-deleted through a {@code deletedAt} field
 * (deletion arrives as a snapshot). Adds the lookups every projection needs.
 */
public interface ProjectionRepository<E> extends PanacheRepositoryBase<E, Long> {

    /** The live (not deleted) rows among the given ids, in one query; no query at all for no ids. */
    default Uni<List<E>> liveByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 and deletedAt is null", ids);
    }
}
