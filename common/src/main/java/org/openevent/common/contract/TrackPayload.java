package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** Snapshot of a track. */
public record TrackPayload(long id, long eventId, long scheduleVersion, String name, String description, String color,
                           OffsetDateTime deletedAt) implements ScheduleChange {
}
