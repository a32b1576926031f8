package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.session.domain.EventRole;

/** Role grants copied from event snapshots. */
@ApplicationScoped
public class EventRoleRepository implements PanacheRepositoryBase<EventRole, Long> {

    /** The caller's role on the event, or null. */
    public Uni<String> roleOf(long eventId, long userId) {
        return find("eventId = ?1 and userId = ?2", eventId, userId).firstResult()
                .map(grant -> grant == null ? null : grant.role);
    }

    public Uni<Long> deleteForEvent(long eventId) {
        return delete("eventId", eventId);
    }
}
