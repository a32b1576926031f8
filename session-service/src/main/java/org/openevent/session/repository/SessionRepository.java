package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.QueryPage;
import org.openevent.session.domain.Session;

/** Sessions of events; list queries apply the caller's visibility in SQL. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, Long> {

    // Everyone sees the public programme; callers also see the sessions they proposed themselves.
    private static final String VISIBLE = "from Session s where s.eventId = :event "
            + "and (s.deletedAt is null or :trashed = true) "
            + "and (:all = true or s.state in ('accepted', 'confirmed') or s.creatorId = :user)";
    public static final String DEFAULT_ORDER = "s.startsAt asc nulls last";

    /** One page of the sessions of an event the caller may see that match the query (alias {@code s}). */
    public Uni<QueryPage<Session>> visible(long eventId, boolean all, Long userId, boolean trashed, ListQuery query) {
        return QueryPage.fetch(this, VISIBLE, Map.of("event", eventId, "all", all,
                "user", userId == null ? -1L : userId, "trashed", trashed), query);
    }
}
