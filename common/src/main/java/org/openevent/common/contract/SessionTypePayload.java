package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** Snapshot of a session type. */
public record SessionTypePayload(long id, long eventId, long scheduleVersion, String name, String length,
                                 OffsetDateTime deletedAt) implements ScheduleChange {
}
