package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.openevent.export.domain.SessionSpeaker;

/** Links between projected sessions and their speakers. */
@ApplicationScoped
public class SessionSpeakerRepository implements PanacheRepositoryBase<SessionSpeaker, Long> {

    /** The links of all given sessions, in one query, ordered by session and position. */
    public Uni<List<SessionSpeaker>> forSessions(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("sessionId in ?1 order by sessionId, position", sessionIds);
    }

    /** The speaker list of a session whose row was just inserted, so it has no links to replace. */
    public Uni<Void> addToNewSession(List<SessionSpeaker> links) {
        return links.isEmpty() ? Uni.createFrom().voidItem() : persist(links);
    }

    /** Replaces the speaker list of a session; the flush keeps the delete ahead of the inserts. */
    public Uni<Void> replace(long sessionId, List<SessionSpeaker> links) {
        return delete("sessionId", sessionId)
                .flatMap(ignored -> getSession())
                .flatMap(session -> session.flush())
                .flatMap(ignored -> links.isEmpty() ? Uni.createFrom().voidItem() : persist(links));
    }
}
