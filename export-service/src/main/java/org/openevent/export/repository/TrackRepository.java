package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.openevent.export.domain.Track;

/** Projected tracks. */
@ApplicationScoped
public class TrackRepository implements PanacheRepositoryBase<Track, Long> {

    /** The live rows among the given ids, in one query. */
    public Uni<List<Track>> liveByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 and deletedAt is null", ids);
    }
}
