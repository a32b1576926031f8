package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.ValueType;
import org.openevent.session.domain.VideoStream;
import org.openevent.session.repository.RoomStreams;

/**
 * Video streams of an event: its own stream (created with the {@code event} relationship, at most one) or one shared
 * by some of its rooms (created with {@code rooms}). Co-organizers manage them. Everyone who sees the event sees a
 * stream's name (the schedule shows which rooms stream); its address only those who may join, which without
 * tickets here means the event's team (any event role) and admins; the password and the provider settings only
 * co-organizers.
 */
@ApplicationScoped
public class VideoStreamRules implements ResourceRules<VideoStream> {

    static final ResourceType<VideoStream> TYPE = ResourceType.define("video-stream", "video-streams",
                    VideoStream.class, VideoStream::new)
            .string("name", v -> v.name, (v, x) -> v.name = x).required().notBlank()
            .url("url", v -> v.url, (v, x) -> v.url = x).required().readableWhen((a, v) -> mayJoin(a))
            .string("password", v -> v.password, (v, x) -> v.password = x).readableWhen((a, v) -> a.isCoorganizer())
            .text("additionalInformation", v -> v.additionalInformation, (v, x) -> v.additionalInformation = x)
            .url("bgImgUrl", v -> v.bgImgUrl, (v, x) -> v.bgImgUrl = x)
            .json("extra", v -> v.extra, (v, x) -> v.extra = x).readableWhen((a, v) -> a.isCoorganizer())
            .bool("chatEnabled", v -> v.chatEnabled, (v, x) -> v.chatEnabled = x).wire("is-chat-enabled").notNull()
            .defaultTo(false)
            .bool("globalEventRoom", v -> v.globalEventRoom, (v, x) -> v.globalEventRoom = x)
            .wire("is-global-event-room").notNull().defaultTo(false)
            .computed("chat-room-name", ValueType.STRING,
                    v -> v.name.replaceAll("[^0-9a-zA-Z!]", "-") + "-" + v.id)
            .timestamps()
            .childOfEventVia("rooms")
            .inverse("rooms", "microlocation", "videoStreamId").writable()
            .defaultOrder("x.name asc")
            .build();

    private final RoomStreams rooms;

    public VideoStreamRules(RoomStreams rooms) {
        this.rooms = rooms;
    }

    @Override
    public ResourceType<VideoStream> type() {
        return TYPE;
    }

    /** Who may join the event's streams (what the original decides by tickets, which this platform lacks). */
    public static boolean mayJoin(Access access) {
        return access.hasAnyRole();
    }

    @Override
    public Uni<Void> validate(Access access, VideoStream stream, Changes<VideoStream> changes) {
        if (!changes.creating() || changes.toOne("event") == null) {
            return Uni.createFrom().voidItem();
        }
        return rooms.ofEvent(access.eventId()).invoke(existing -> {
            if (existing != null) {
                throw ApiException.conflict("/data/relationships/event", "Video Stream for this event already exists");
            }
        }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, VideoStream stream, Changes<VideoStream> changes) {
        if (changes.creating()) {
            stream.eventStream = changes.toOne("event") != null;
        }
    }

    @Override
    public Uni<Void> replaceMembers(VideoStream stream, String relationship, List<Long> ids) {
        return rooms.assign(stream.id, stream.eventId, ids);
    }

    /** A deleted stream leaves its rooms. */
    @Override
    public Uni<Void> saved(Access access, VideoStream stream, Change change) {
        return change == Change.DELETED || change == Change.REMOVED
                ? rooms.assign(stream.id, stream.eventId, List.of()) : Uni.createFrom().voidItem();
    }
}
