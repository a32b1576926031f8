package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.resource.ResourceRules;
import org.openevent.session.domain.Session;
import org.openevent.session.repository.SessionSpeakerRepository;

/**
 * Publishes session snapshots (with their current speaker ids), for the session's own writes and for writes
 * elsewhere that change what a session's snapshot says (its speakers, set from a speaker's side).
 */
@ApplicationScoped
public class SessionSnapshots {

    private final SchedulePublisher publisher;
    private final SessionSpeakerRepository speakers;

    public SessionSnapshots(SchedulePublisher publisher, SessionSpeakerRepository speakers) {
        this.publisher = publisher;
        this.speakers = speakers;
    }

    /**
     * The snapshot of a saved session, in the write's transaction (links written just before included: as the
     * write set them, else as stored; a session this write inserted has none it did not set).
     */
    public Uni<Void> publish(Session s, ResourceRules.Change change) {
        return Panache.getSession().flatMap(org.hibernate.reactive.mutiny.Mutiny.Session::flush)
                .flatMap(flushed -> s.speakerIdsWritten != null ? Uni.createFrom().item(s.speakerIdsWritten)
                        : s.insertedByThisWrite() ? Uni.createFrom().item(List.<Long>of()) : speakers.speakerIds(s.id))
                .flatMap(speakerIds -> publisher.publish(s, change,
                MessageTypes.SESSION_UPSERTED, "session", version -> new SessionPayload(s.id, s.eventId, version,
                        s.title, s.subtitle, s.shortAbstract, s.longAbstract, s.language, s.level, s.state,
                        s.wasPublic, s.startsAt, s.endsAt, s.trackId, s.microlocationId, s.sessionTypeId,
                        List.copyOf(speakerIds), s.creatorId, s.createdAt, s.submittedAt, s.deletedAt)));
    }

    /** A new version and snapshot of each of the sessions, whose speakers changed from elsewhere. */
    public Uni<Void> republish(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Session.<Session>list("id in ?1 order by id", sessionIds).flatMap(sessions -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Session session : sessions) {
                session.changed();
                chain = chain.flatMap(ignored -> publish(session, ResourceRules.Change.UPDATED));
            }
            return chain;
        });
    }
}
