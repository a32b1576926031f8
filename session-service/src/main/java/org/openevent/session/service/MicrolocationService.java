package org.openevent.session.service;

import jakarta.inject.Singleton;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.messaging.Outbox;
import org.openevent.session.domain.Microlocation;
import org.openevent.session.repository.MicrolocationRepository;
import org.openevent.session.repository.ScheduleVersionRepository;
import org.openevent.session.rest.MicrolocationAttributes;

/** Rooms: written by the event's managers, readable wherever the event is. */
// Singleton: a client proxy would need a no-args constructor, which the shared base class does not have.
@Singleton
public class MicrolocationService extends EventChildService<Microlocation, MicrolocationAttributes> {

    public MicrolocationService(MicrolocationRepository repository, EventAccessService access, Outbox outbox,
                                ScheduleVersionRepository scheduleVersions) {
        super(repository, access, outbox, scheduleVersions, "Microlocation", "microlocation", MessageTypes.MICROLOCATION_UPSERTED);
    }

    @Override
    protected Microlocation build(MicrolocationAttributes attributes, EventAccess access) {
        Microlocation room = new Microlocation();
        room.name = attributes.name();
        room.floor = attributes.floor();
        room.latitude = attributes.latitude();
        room.longitude = attributes.longitude();
        room.room = attributes.room();
        room.position = orElse(attributes.position(), 0);
        room.hiddenInScheduler = orElse(attributes.hiddenInScheduler(), false);
        return room;
    }

    @Override
    protected void apply(Microlocation room, MicrolocationAttributes attributes, EventAccess access) {
        room.name = orElse(attributes.name(), room.name);
        room.floor = orElse(attributes.floor(), room.floor);
        room.latitude = orElse(attributes.latitude(), room.latitude);
        room.longitude = orElse(attributes.longitude(), room.longitude);
        room.room = orElse(attributes.room(), room.room);
        room.position = orElse(attributes.position(), room.position);
        room.hiddenInScheduler = orElse(attributes.hiddenInScheduler(), room.hiddenInScheduler);
    }

    @Override
    protected Object payload(Microlocation room, long scheduleVersion) {
        return new MicrolocationPayload(room.id, room.eventId, scheduleVersion, room.name, room.floor, room.latitude, room.longitude,
                room.deletedAt);
    }

    @Override
    public ResourceFields fields() {
        return QueryableFields.MICROLOCATION;
    }

    @Override
    public String defaultOrder() {
        return "x.position asc";
    }
}
