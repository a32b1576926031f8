package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.openevent.session.domain.Speaker;

/** Speakers of events. */
@ApplicationScoped
public class SpeakerRepository implements PanacheRepositoryBase<Speaker, Long> {

    /** Whether another live speaker of the event already uses this e-mail address (case-insensitive). */
    public Uni<Boolean> emailTaken(long eventId, String email, Long exceptId) {
        return count("eventId = ?1 and lower(email) = lower(?2) and deletedAt is null and id <> ?3",
                eventId, email, exceptId == null ? -1L : exceptId).map(count -> count > 0);
    }

    /** The live speakers among the given ids, in one query. */
    public Uni<List<Speaker>> liveByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 and deletedAt is null", ids);
    }
}
