package org.openevent.common.resource;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A resource row that belongs to one event (a track, a sponsor, a session...). */
@MappedSuperclass
public abstract class EventChildEntity extends ResourceEntity {

    @Column(name = "event_id")
    public long eventId;

    public long eventId() {
        return eventId;
    }

    public void assignEvent(long eventId) {
        this.eventId = eventId;
    }
}
