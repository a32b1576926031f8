package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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

    /**
     * Makes the session's speakers exactly {@code speakerIds}, touching only the links that change; yields the
     * speaker ids the session now has, in id order (as {@link #speakerIds} would read them).
     */
    public Uni<List<Long>> replace(long sessionId, List<Long> speakerIds) {
        return forSessions(List.of(sessionId)).flatMap(current -> {
            LinkChange change = LinkChange.between(current.stream().map(link -> link.speakerId).toList(), speakerIds);
            Uni<Long> removal = change.removed().isEmpty() ? Uni.createFrom().item(0L)
                    : delete("sessionId = ?1 and speakerId in ?2", sessionId, change.removed());
            return removal.flatMap(ignored -> link(sessionId, change.added()));
        }).replaceWith(() -> inIdOrder(speakerIds));
    }

    /** The speakers of a session inserted by the same write, which has no links yet; yields them in id order. */
    public Uni<List<Long>> linkNewSession(long sessionId, List<Long> speakerIds) {
        List<Long> ids = inIdOrder(speakerIds);
        return link(sessionId, ids).replaceWith(ids);
    }

    private Uni<Void> link(long sessionId, List<Long> speakerIds) {
        return speakerIds.isEmpty() ? Uni.createFrom().voidItem()
                : persist(speakerIds.stream().map(id -> SessionSpeaker.of(sessionId, id)).toList());
    }

    private static List<Long> inIdOrder(List<Long> speakerIds) {
        return speakerIds.stream().distinct().sorted().toList();
    }

    /**
     * Makes the speaker's sessions exactly {@code sessionIds}, touching only the links that change; yields the
     * sessions whose speaker list changed.
     */
    public Uni<Set<Long>> replaceForSpeaker(long speakerId, List<Long> sessionIds) {
        return list("speakerId = ?1", speakerId).flatMap(current -> {
            LinkChange change = LinkChange.between(current.stream().map(link -> link.sessionId).toList(), sessionIds);
            Uni<Long> removal = change.removed().isEmpty() ? Uni.createFrom().item(0L)
                    : delete("speakerId = ?1 and sessionId in ?2", speakerId, change.removed());
            return removal.flatMap(ignored -> change.added().isEmpty() ? Uni.createFrom().voidItem()
                            : persist(change.added().stream().map(id -> SessionSpeaker.of(id, speakerId)).toList()))
                    .replaceWith(change.touched());
        });
    }

    /** The ids of the sessions the speaker presents. */
    public Uni<List<Long>> sessionIds(long speakerId) {
        return find("speakerId = ?1 order by sessionId", speakerId).list()
                .map(links -> links.stream().map(link -> link.sessionId).toList());
    }

    /** The ids of the session's speakers, in id order. */
    public Uni<List<Long>> speakerIds(long sessionId) {
        return forSessions(List.of(sessionId)).map(links -> links.stream().map(link -> link.speakerId).toList());
    }
}
