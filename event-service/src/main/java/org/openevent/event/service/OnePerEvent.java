package org.openevent.event.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Changes;

/** The rule of event children an event has at most one of (its copyright, its call for speakers). */
final class OnePerEvent {

    private OnePerEvent() {
    }

    /** On create, a 409 when the event already has a live one. */
    static Uni<Void> check(Changes<?> changes, String entity, long eventId, String detail) {
        if (!changes.creating()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("select count(*) from " + entity
                        + " x where x.eventId = :event and x.deletedAt is null", Long.class)
                .setParameter("event", eventId).getSingleResult()).invoke(count -> {
                    if (count > 0) {
                        throw ApiException.conflict("/data/relationships/event", detail);
                    }
                }).replaceWithVoid();
    }
}
