package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.export.domain.Session;

/**
 * Projected sessions. The {@code rerender*} updates raise the render generation of the sessions whose rendered
 * fragments show something that changed; they run in the consumer's transaction.
 */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, Long> {

    public Uni<Void> rerenderEvent(long eventId) {
        return update("renderGen = renderGen + 1 where eventId = ?1", eventId).replaceWithVoid();
    }

    public Uni<Void> rerenderTrack(long trackId) {
        return update("renderGen = renderGen + 1 where trackId = ?1", trackId).replaceWithVoid();
    }

    public Uni<Void> rerenderRoom(long roomId) {
        return update("renderGen = renderGen + 1 where microlocationId = ?1", roomId).replaceWithVoid();
    }

    public Uni<Void> rerenderSessionType(long typeId) {
        return update("renderGen = renderGen + 1 where sessionTypeId = ?1", typeId).replaceWithVoid();
    }

    public Uni<Void> rerenderSpeaker(long speakerId) {
        return update("renderGen = renderGen + 1 where id in "
                + "(select l.sessionId from SessionSpeaker l where l.speakerId = ?1)", speakerId).replaceWithVoid();
    }
}
