package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.Ids;
import org.openevent.export.domain.Event;

/** Events of the shared projection as this service reads them (with their feed epoch). */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, Long> {

    /** A live event by numeric id or by its identifier, as the original server resolves path segments. */
    public Uni<Event> findLive(String reference) {
        if (Ids.isId(reference)) {
            return find("id = ?1 and deletedAt is null", Long.parseLong(reference)).firstResult();
        }
        return find("identifier = ?1 and deletedAt is null", reference).firstResult();
    }
}
