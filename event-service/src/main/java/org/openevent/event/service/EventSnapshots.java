package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.messaging.Outbox;
import org.openevent.event.domain.Event;
import org.openevent.event.domain.EventRole;

/**
 * The snapshot other services know an event by: published to the outbox with every change, and served as it is
 * now to services that ask for it (their read-your-writes fallback).
 */
@ApplicationScoped
public class EventSnapshots {

    private final Outbox outbox;

    public EventSnapshots(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event's snapshot with its current role grants; must run inside a session. */
    public Uni<EventPayload> of(Event e) {
        return of(e, null);
    }

    /** The snapshot without the grant {@code removedGrant} (one being deleted in the same transaction). */
    private Uni<EventPayload> of(Event e, Long removedGrant) {
        return EventRole.<EventRole>list("eventId = ?1 and id <> ?2 order by id", e.id,
                removedGrant == null ? -1L : removedGrant).map(grants -> new EventPayload(e.id,
                e.identifier, e.name, e.description, e.state, e.privacy, e.startsAt, e.endsAt, e.timezone,
                e.locationName, e.latitude, e.longitude, e.online, e.externalEventUrl, e.logoUrl, e.originalImageUrl,
                e.ownerName, e.schedulePublishedOn, e.isSessionsSpeakersEnabled, e.isSponsorsEnabled, e.eventTypeId,
                e.eventTopicId, e.eventSubTopicId, e.groupId, e.createdAt,
                grants.stream().map(g -> new EventPayload.RoleGrant(g.userId, g.role)).toList(), e.deletedAt));
    }

    /** Adds the event's snapshot to the outbox, inside the changing transaction. */
    public Uni<Void> publish(Event event) {
        return publishWithout(event, null);
    }

    /** Publishes the snapshot leaving out a grant that the same transaction deletes next. */
    public Uni<Void> publishWithout(Event event, Long removedGrant) {
        return of(event, removedGrant).flatMap(payload -> outbox.publish(Topics.EVENTS, MessageTypes.EVENT_UPSERTED,
                "event", event.id, event.version, payload));
    }
}
