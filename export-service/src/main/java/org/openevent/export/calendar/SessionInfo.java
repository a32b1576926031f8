package org.openevent.export.calendar;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One listed session with its track, room, type and speakers resolved. {@code cancelled} marks a session that was
 * public and has been withdrawn, rejected, canceled or deleted since; its times are the last published ones.
 */
public record SessionInfo(long id, String title, String subtitle, String shortAbstract, String longAbstract,
                          String language, OffsetDateTime startsAt, OffsetDateTime endsAt, String trackName,
                          String roomName, Double roomLatitude, Double roomLongitude, String sessionTypeName,
                          List<Speaker> speakers, long version, OffsetDateTime updatedAt, boolean cancelled) {

    /** A speaker as calendars may show them: the name and organisation, never contact details. */
    public record Speaker(long id, String name, String organisation) {

        /** {@code Name (Organisation)}, or the name alone. */
        public String label() {
            return organisation == null || organisation.isBlank() ? name : name + " (" + organisation + ")";
        }
    }
}
