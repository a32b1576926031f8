package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.Microlocation;

/** Rooms: written by an event's co-organizers, readable wherever the event is; a room may show a video stream. */
@ApplicationScoped
public class MicrolocationRules implements ResourceRules<Microlocation> {

    static final ResourceType<Microlocation> TYPE = ResourceType.define("microlocation", "microlocations",
                    Microlocation.class, Microlocation::new)
            .string("name", m -> m.name, (m, v) -> m.name = v).required().notBlank()
            .decimal("latitude", m -> m.latitude, (m, v) -> m.latitude = v).range(-90, 90)
            .decimal("longitude", m -> m.longitude, (m, v) -> m.longitude = v).range(-180, 180)
            .integer("floor", m -> m.floor, (m, v) -> m.floor = v)
            .string("room", m -> m.room, (m, v) -> m.room = v)
            .integer("position", m -> m.position, (m, v) -> m.position = v).notNull().defaultTo(0)
            .bool("hiddenInScheduler", m -> m.hiddenInScheduler, (m, v) -> m.hiddenInScheduler = v).notNull()
            .defaultTo(false)
            .bool("chatEnabled", m -> m.chatEnabled, (m, v) -> m.chatEnabled = v).wire("is-chat-enabled")
            .notNull().defaultTo(false)
            .bool("globalEventRoom", m -> m.globalEventRoom, (m, v) -> m.globalEventRoom = v)
            .wire("is-global-event-room").notNull().defaultTo(false)
            .string("chatRoomName", m -> m.chatRoomName, null)
            .timestamps()
            .childOfEvent()
            .inverse("sessions", "session", "microlocationId").writable()
            .toOne("video-stream", "video-stream", "videoStreamId", m -> m.videoStreamId, (m, v) -> m.videoStreamId = v)
            .writable()
            .defaultOrder("x.position asc, x.name asc")
            .build();

    private final SchedulePublisher publisher;
    private final SessionPlacement placement;

    public MicrolocationRules(SchedulePublisher publisher, SessionPlacement placement) {
        this.publisher = publisher;
        this.placement = placement;
    }

    /** Sessions moved in or out of the room on its relationship route. */
    @Override
    public Uni<Void> replaceMembers(Microlocation room, String relationship, List<Long> ids) {
        return placement.place("microlocationId", room.id, ids, s -> s.microlocationId,
                (s, v) -> s.microlocationId = v);
    }

    @Override
    public ResourceType<Microlocation> type() {
        return TYPE;
    }

    @Override
    public void prepare(Access access, Microlocation room, Changes<Microlocation> changes) {
        room.chatRoomName = room.name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + access.event().identifier();
    }

    @Override
    public Uni<Void> saved(Access access, Microlocation m, Change change) {
        return publisher.publish(m, change, MessageTypes.MICROLOCATION_UPSERTED, "microlocation",
                version -> new MicrolocationPayload(m.id, m.eventId, version, m.name, m.floor, m.latitude,
                        m.longitude, m.deletedAt));
    }
}
