package org.openevent.event.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.event.domain.Event;
import org.openevent.event.domain.EventRole;

/**
 * Changes of who holds which role on an event. Every change republishes the event's snapshot in the same
 * transaction (the snapshot carries the grants), which is how session-service, export-service and the others learn
 * about them; the event row is locked so its versions stay in commit order.
 */
@ApplicationScoped
public class EventGrants {

    private final EventSnapshots snapshots;

    public EventGrants(EventSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Grants {@code role} (if not held yet) and republishes; inside a transaction. */
    public Uni<Void> grant(long eventId, long userId, String role) {
        return lockedEvent(eventId).flatMap(event -> EventRole.count("eventId = ?1 and userId = ?2 and role = ?3",
                        eventId, userId, role)
                .flatMap(held -> held > 0 ? Uni.createFrom().voidItem()
                        : EventRole.persist(EventRole.of(eventId, userId, role)).replaceWithVoid())
                .flatMap(ignored -> Panache.getSession().flatMap(session -> session.flush()))
                .flatMap(ignored -> republish(event, null)));
    }

    /** Republishes after a grant changed; {@code removedGrant} is left out (it is deleted after this runs). */
    public Uni<Void> changed(long eventId, Long removedGrant) {
        return lockedEvent(eventId).flatMap(event -> republish(event, removedGrant));
    }

    /** The event, locked for the rest of the transaction; a 404 when it is gone. */
    public Uni<Event> lockedEvent(long eventId) {
        return Panache.getSession()
                .flatMap(session -> session.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE))
                .map(event -> {
                    if (event == null || event.isDeleted()) {
                        throw ApiException.notFound("Event");
                    }
                    return event;
                });
    }

    private Uni<Void> republish(Event event, Long removedGrant) {
        event.changed();
        return snapshots.publishWithout(event, removedGrant);
    }
}
