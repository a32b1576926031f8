package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.openevent.session.domain.SessionSpeaker;

/** Session-to-speaker links. */
@ApplicationScoped
public class SessionSpeakerRepository implements PanacheRepositoryBase<SessionSpeaker, SessionSpeaker.Key> {

    /** The links of all given sessions in one query. */
    public Uni<List<SessionSpeaker>> forSessions(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("sessionId in ?1 order by sessionId, speakerId", sessionIds);
    }

    /** Persists the links; Panache refuses an empty batch, so that case is a no-op here. */
    public Uni<Void> persistAll(List<SessionSpeaker> added) {
        return added.isEmpty() ? Uni.createFrom().voidItem() : persist(added);
    }
}
