package org.openevent.common.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Snapshot of a session with the ids of its track, room, type and speakers. {@code wasPublic} stays true once
 * the session has been accepted or confirmed, so consumers can publish its withdrawal, rejection or deletion
 * as a cancellation instead of letting it vanish.
 */
public record SessionPayload(long id, long eventId, long scheduleVersion, String title, String subtitle,
                             String shortAbstract, String longAbstract, String language, String level, String state,
                             boolean wasPublic, OffsetDateTime startsAt, OffsetDateTime endsAt, Long trackId,
                             Long microlocationId, Long sessionTypeId, List<Long> speakerIds, Long creatorId,
                             OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime deletedAt)
        implements ScheduleChange {
}
