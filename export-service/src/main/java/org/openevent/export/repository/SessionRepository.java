package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.export.domain.Session;

/** Projected sessions. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, Long> {

    /** Live, scheduled (accepted or confirmed) and timed sessions of an event, earliest first. */
    public Uni<List<Session>> scheduledOf(long eventId) {
        return list("eventId = ?1 and deletedAt is null and state in ?2 and startsAt is not null "
                + "and endsAt is not null order by startsAt, id", eventId, Session.SCHEDULED_STATES);
    }
}
