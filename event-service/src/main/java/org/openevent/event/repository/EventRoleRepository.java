package org.openevent.event.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.event.domain.EventRole;

/** Role grants on events. */
@ApplicationScoped
public class EventRoleRepository implements PanacheRepositoryBase<EventRole, Long> {

    public Uni<List<EventRole>> forEvent(long eventId) {
        return list("eventId = ?1 order by id", eventId);
    }
}
