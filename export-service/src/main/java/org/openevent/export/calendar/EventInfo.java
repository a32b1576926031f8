package org.openevent.export.calendar;

import java.time.OffsetDateTime;

/** The event a calendar belongs to, detached from the database so it can be rendered on a worker thread. */
public record EventInfo(long id, String identifier, String name, String description, String timezone,
                        String locationName, Double latitude, Double longitude, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, long version, OffsetDateTime updatedAt) {
}
