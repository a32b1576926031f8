package org.openevent.export.calendar;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything a calendar needs, detached from the database so it can be rendered on a worker thread. */
public record Schedule(EventInfo event, List<SessionInfo> sessions) {

    /** The event the schedule belongs to. */
    public record EventInfo(long id, String identifier, String name, String timezone, String locationName,
                            Double latitude, Double longitude, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    /** One scheduled session with its track, room, type and speakers already resolved. */
    public record SessionInfo(long id, String title, String subtitle, String shortAbstract, String longAbstract,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String trackName, String roomName,
                              Double roomLatitude, Double roomLongitude, String sessionTypeName,
                              List<String> speakers, long version, OffsetDateTime updatedAt) {
    }
}
