package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Which rooms show which video stream (the {@code video_stream_id} of rooms). */
@ApplicationScoped
public class RoomStreams {

    /** Makes exactly these rooms (of the stream's event) show the stream; bulk updates after flushing the write. */
    public Uni<Void> assign(long streamId, long eventId, List<Long> roomIds) {
        return Panache.getSession().flatMap(session -> session.flush().chain(() -> {
            var clear = session.createMutationQuery("update Microlocation m set m.videoStreamId = null "
                    + "where m.videoStreamId = :stream" + (roomIds.isEmpty() ? "" : " and m.id not in :rooms"))
                    .setParameter("stream", streamId);
            if (!roomIds.isEmpty()) {
                clear.setParameter("rooms", roomIds);
            }
            return clear.executeUpdate();
        }).chain(() -> roomIds.isEmpty() ? Uni.createFrom().item(0) : session.createMutationQuery(
                        "update Microlocation m set m.videoStreamId = :stream where m.id in :rooms and m.eventId = :event")
                .setParameter("stream", streamId)
                .setParameter("rooms", roomIds)
                .setParameter("event", eventId)
                .executeUpdate())).replaceWithVoid();
    }

    /** Whether the event has any live video stream, its own or a room's. */
    public Uni<Boolean> any(long eventId) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select count(*) from VideoStream v where v.eventId = :event and v.deletedAt is null", Long.class)
                .setParameter("event", eventId).getSingleResult()).map(count -> count > 0);
    }

    /** The id of the event's own live stream, or null. */
    public Uni<Long> ofEvent(long eventId) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select v.id from VideoStream v where v.eventId = :event and v.eventStream = true "
                                + "and v.deletedAt is null", Long.class)
                .setParameter("event", eventId).getSingleResultOrNull());
    }
}
