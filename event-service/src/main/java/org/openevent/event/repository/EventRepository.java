package org.openevent.event.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.event.domain.Event;

/** Queries over events; deleted events are invisible to every query here. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, Long> {

    private static final String VISIBLE = "deletedAt is null and (state = 'published' or :admin = true "
            + "or id in (select r.eventId from EventRole r where r.userId = :user))";

    /** An event by numeric id or by its identifier, as the original server resolves path segments. */
    public Uni<Event> findByReference(String reference) {
        if (reference.matches("\\d{1,18}")) {
            return find("id = ?1 and deletedAt is null", Long.parseLong(reference)).firstResult();
        }
        return find("identifier = ?1 and deletedAt is null", reference).firstResult();
    }

    /** One page of the events the caller may see: published ones, their own, or all for admins. */
    public Uni<List<Event>> listVisible(Long userId, boolean admin, Page page) {
        return find(VISIBLE, Sort.by("startsAt").and("id"), visibility(userId, admin)).page(page).list();
    }

    public Uni<Long> countVisible(Long userId, boolean admin) {
        return count(VISIBLE, visibility(userId, admin));
    }

    public Uni<Boolean> identifierTaken(String identifier) {
        return count("identifier", identifier).map(count -> count > 0);
    }

    private static Parameters visibility(Long userId, boolean admin) {
        return Parameters.with("admin", admin).and("user", userId == null ? -1L : userId);
    }
}
