package org.openevent.event.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.QueryPage;
import org.openevent.event.domain.Event;

/** Queries over events; deleted events are invisible to every query here. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, Long> {

    private static final String VISIBLE = "from Event e where (e.deletedAt is null or :trashed = true) "
            + "and (e.state = 'published' or :admin = true or e.id in (select r.eventId from EventRole r where r.userId = :user))";

    /** A live event by numeric id or by its identifier, as the original server resolves path segments. */
    public Uni<Event> findByReference(String reference) {
        return findByReference(reference, false);
    }

    /** As {@link #findByReference(String)}; with {@code trashed} soft-deleted events are found too. */
    public Uni<Event> findByReference(String reference, boolean trashed) {
        String live = trashed ? "" : " and deletedAt is null";
        if (reference.matches("\\d{1,18}")) {
            return find("id = ?1" + live, Long.parseLong(reference)).firstResult();
        }
        return find("identifier = ?1" + live, reference).firstResult();
    }

    /**
     * One page of the events the caller may see (published ones, their own, all for admins) matching the
     * query; soft-deleted ones only when {@code trashed} (admins asking with {@code get_trashed=true}).
     */
    public Uni<QueryPage<Event>> listVisible(Long userId, boolean admin, boolean trashed, ListQuery query) {
        return QueryPage.fetch(this, VISIBLE, Map.of("admin", admin, "user", userId == null ? -1L : userId,
                "trashed", trashed), query);
    }

    public Uni<Boolean> identifierTaken(String identifier) {
        return count("identifier", identifier).map(count -> count > 0);
    }

}
