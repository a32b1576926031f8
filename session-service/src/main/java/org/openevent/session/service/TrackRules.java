package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.Check;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.Track;

/** Tracks: written by an event's co-organizers and track organizers; the text colour follows the colour. */
@ApplicationScoped
public class TrackRules implements ResourceRules<Track> {

    static final ResourceType<Track> TYPE = ResourceType.define("track", "tracks", Track.class, Track::new)
            .string("name", t -> t.name, (t, v) -> t.name = v).required().notBlank()
            .text("description", t -> t.description, (t, v) -> t.description = v)
            .string("color", t -> t.color, (t, v) -> t.color = v).required()
            .check(Check.pattern(Colors.HEX, "Color should be proper HEX color code")).normalize(Colors::normalize)
            .string("fontColor", t -> t.fontColor, null)
            .integer("position", t -> t.position, (t, v) -> t.position = v).notNull().defaultTo(0)
            .timestamps()
            .childOfEvent()
            .inverse("sessions", "session", "trackId").writable()
            .defaultOrder("x.position asc, x.name asc")
            .build();

    private final SchedulePublisher publisher;
    private final SessionPlacement placement;

    public TrackRules(SchedulePublisher publisher, SessionPlacement placement) {
        this.publisher = publisher;
        this.placement = placement;
    }

    @Override
    public ResourceType<Track> type() {
        return TYPE;
    }

    @Override
    public void checkCreate(Access access, Changes<Track> changes) {
        requireTrackOrganizer(access);
    }

    @Override
    public void checkUpdate(Access access, Track track, Changes<Track> changes) {
        requireTrackOrganizer(access);
    }

    /** Sessions moved in or out of the track on its relationship route (by track organizers, as the contract has it). */
    @Override
    public Uni<Void> replaceMembers(Track track, String relationship, List<Long> ids) {
        return placement.place("trackId", track.id, ids, s -> s.trackId, (s, v) -> s.trackId = v);
    }

    @Override
    public void checkDelete(Access access, Track track) {
        requireTrackOrganizer(access);
    }

    @Override
    public void prepare(Access access, Track track, Changes<Track> changes) {
        track.fontColor = Colors.readableOn(track.color);
    }

    @Override
    public Uni<Void> saved(Access access, Track t, Change change) {
        return publisher.publish(t, change, MessageTypes.TRACK_UPSERTED, "track",
                version -> new TrackPayload(t.id, t.eventId, version, t.name, t.description, t.color, t.deletedAt));
    }

    private static void requireTrackOrganizer(Access access) {
        access.requireUser();
        if (!access.isTrackOrganizer()) {
            throw org.openevent.common.jsonapi.ApiException.forbidden("Track-organizer access is required.");
        }
    }
}
