package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.session.domain.ExhibitorSession;

/** Exhibitor-to-session links. */
@ApplicationScoped
public class ExhibitorSessionRepository implements PanacheRepositoryBase<ExhibitorSession, ExhibitorSession.Key> {

    /** Makes the exhibitor's sessions exactly {@code sessionIds}, touching only the links that change. */
    public Uni<Void> replace(long exhibitorId, List<Long> sessionIds) {
        return list("exhibitorId = ?1", exhibitorId).flatMap(current -> {
            LinkChange change = LinkChange.between(current.stream().map(link -> link.sessionId).toList(), sessionIds);
            Uni<Long> removal = change.removed().isEmpty() ? Uni.createFrom().item(0L)
                    : delete("exhibitorId = ?1 and sessionId in ?2", exhibitorId, change.removed());
            return removal.flatMap(ignored -> change.added().isEmpty() ? Uni.createFrom().voidItem()
                    : persist(change.added().stream().map(id -> ExhibitorSession.of(exhibitorId, id)).toList()));
        });
    }
}
