package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** Public snapshot of a speaker; the e-mail address is private and never published. */
public record SpeakerPayload(long id, long eventId, long scheduleVersion, String name, String organisation,
                             String position, OffsetDateTime deletedAt) implements ScheduleChange {
}
