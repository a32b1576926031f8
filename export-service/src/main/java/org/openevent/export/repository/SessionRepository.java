package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.export.domain.Session;

/**
 * Projected sessions. The {@code rerender*} updates raise the render generation of the sessions whose rendered
 * fragments show something that changed, and those caused by a schedule message mark the sessions with it
 * ({@link Session#changeMark}); they run in the consumer's transaction. A change of the event's zone or place is
 * not marked: it comes with a new event version, and no listing of an older event version is built upon.
 */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, Long> {

    private static final String RERENDER = "renderGen = renderGen + 1, changedIn = ?2 where ";

    public Uni<Void> rerenderEvent(long eventId) {
        return update("renderGen = renderGen + 1 where eventId = ?1", eventId).replaceWithVoid();
    }

    public Uni<Void> rerenderTrack(long trackId, long mark) {
        return update(RERENDER + "trackId = ?1", trackId, mark).replaceWithVoid();
    }

    public Uni<Void> rerenderRoom(long roomId, long mark) {
        return update(RERENDER + "microlocationId = ?1", roomId, mark).replaceWithVoid();
    }

    public Uni<Void> rerenderSessionType(long typeId, long mark) {
        return update(RERENDER + "sessionTypeId = ?1", typeId, mark).replaceWithVoid();
    }

    public Uni<Void> rerenderSpeaker(long speakerId, long mark) {
        return update(RERENDER + "id in (select l.sessionId from SessionSpeaker l where l.speakerId = ?1)", speakerId,
                mark).replaceWithVoid();
    }
}
