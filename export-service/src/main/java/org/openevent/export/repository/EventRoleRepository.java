package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.export.domain.EventRole;

/** Role grants of projected events. */
@ApplicationScoped
public class EventRoleRepository implements PanacheRepositoryBase<EventRole, Long> {

    /** The role of a user on an event, or null. */
    public Uni<String> roleOf(long eventId, long userId) {
        return find("eventId = ?1 and userId = ?2", eventId, userId).firstResult()
                .map(grant -> grant == null ? null : grant.role);
    }

    /** Replaces all grants of an event; the flush keeps the delete ahead of the inserts. */
    public Uni<Void> replace(long eventId, List<EventRole> grants) {
        return delete("eventId", eventId)
                .flatMap(ignored -> getSession())
                .flatMap(session -> session.flush())
                .flatMap(ignored -> grants.isEmpty() ? Uni.createFrom().voidItem() : persist(grants));
    }
}
