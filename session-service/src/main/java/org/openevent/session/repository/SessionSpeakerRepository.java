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

    /** Makes the session's speakers exactly {@code speakerIds}, touching only the links that change. */
    public Uni<Void> replace(long sessionId, List<Long> speakerIds) {
        return forSessions(List.of(sessionId)).flatMap(current -> {
            List<Long> before = current.stream().map(link -> link.speakerId).toList();
            List<Long> removed = before.stream().filter(id -> !speakerIds.contains(id)).toList();
            List<SessionSpeaker> added = speakerIds.stream().filter(id -> !before.contains(id))
                    .map(id -> SessionSpeaker.of(sessionId, id)).toList();
            Uni<Long> removal = removed.isEmpty() ? Uni.createFrom().item(0L)
                    : delete("sessionId = ?1 and speakerId in ?2", sessionId, removed);
            return removal.flatMap(ignored -> added.isEmpty() ? Uni.createFrom().voidItem() : persist(added));
        });
    }

    /** The ids of the session's speakers, in id order. */
    public Uni<List<Long>> speakerIds(long sessionId) {
        return forSessions(List.of(sessionId)).map(links -> links.stream().map(link -> link.speakerId).toList());
    }
}
