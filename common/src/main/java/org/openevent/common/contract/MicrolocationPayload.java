package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** Snapshot of a room (microlocation). */
public record MicrolocationPayload(long id, long eventId, long scheduleVersion, String name, Integer floor,
                                   Double latitude, Double longitude, OffsetDateTime deletedAt) implements ScheduleChange {
}
