package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.session.domain.Session;

/** Sessions of events; list queries apply the caller's visibility in SQL. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, Long> {

    // Everyone sees the public programme; callers also see the sessions they proposed themselves.
    private static final String VISIBLE = "eventId = :event and deletedAt is null "
            + "and (:all = true or state in ('accepted', 'confirmed') or creatorId = :user)";
    private static final Sort ORDER = Sort.by("startsAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
            .and("id");

    public PanacheQuery<Session> visible(long eventId, boolean all, Long userId) {
        return find(VISIBLE, ORDER, visibility(eventId, all, userId));
    }

    public Uni<Long> countVisible(long eventId, boolean all, Long userId) {
        return count(VISIBLE, visibility(eventId, all, userId));
    }

    private static Parameters visibility(long eventId, boolean all, Long userId) {
        return Parameters.with("event", eventId).and("all", all).and("user", userId == null ? -1L : userId);
    }
}
