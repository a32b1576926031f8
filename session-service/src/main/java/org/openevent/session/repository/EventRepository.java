package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.session.domain.Event;

/** The projected events. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, Long> {

    /** An event by numeric id or by its 8-hex identifier, whatever its state. */
    public Uni<Event> findByReference(String reference) {
        if (reference.matches("\\d{1,18}")) {
            return findById(Long.parseLong(reference));
        }
        return find("identifier", reference).firstResult();
    }
}
