package org.openevent.session.service;

import jakarta.inject.Singleton;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.messaging.Outbox;
import org.openevent.session.domain.Track;
import org.openevent.session.repository.TrackRepository;
import org.openevent.session.repository.ScheduleVersionRepository;
import org.openevent.session.rest.Colors;
import org.openevent.session.rest.TrackAttributes;

/** Tracks: written by the event's managers, readable wherever the event is. */
// Singleton: a client proxy would need a no-args constructor, which the shared base class does not have.
@Singleton
public class TrackService extends EventChildService<Track, TrackAttributes> {

    public TrackService(TrackRepository repository, EventAccessService access, Outbox outbox,
                        ScheduleVersionRepository scheduleVersions) {
        super(repository, access, outbox, scheduleVersions, "Track", "track", MessageTypes.TRACK_UPSERTED);
    }

    @Override
    protected Track build(TrackAttributes attributes, EventAccess access) {
        Track track = new Track();
        track.name = attributes.name();
        track.color = Colors.normalize(attributes.color());
        track.fontColor = Colors.normalize(attributes.fontColor());
        track.description = attributes.description();
        track.position = orElse(attributes.position(), 0);
        return track;
    }

    @Override
    protected void apply(Track track, TrackAttributes attributes, EventAccess access) {
        track.name = orElse(attributes.name(), track.name);
        track.color = orElse(Colors.normalize(attributes.color()), track.color);
        track.fontColor = orElse(Colors.normalize(attributes.fontColor()), track.fontColor);
        track.description = orElse(attributes.description(), track.description);
        track.position = orElse(attributes.position(), track.position);
    }

    @Override
    protected Object payload(Track track, long scheduleVersion) {
        return new TrackPayload(track.id, track.eventId, scheduleVersion, track.name, track.description, track.color, track.deletedAt);
    }

    @Override
    public ResourceFields fields() {
        return QueryableFields.TRACK;
    }

    @Override
    public String defaultOrder() {
        return "x.position asc";
    }
}
