package org.openevent.common.contract;

import java.time.OffsetDateTime;
import java.util.List;

/** Snapshot of a session with the ids of its track, room, type and speakers. */
public record SessionPayload(long id, long eventId, String title, String subtitle, String shortAbstract,
                             String longAbstract, String language, String state, OffsetDateTime startsAt,
                             OffsetDateTime endsAt, Long trackId, Long microlocationId, Long sessionTypeId,
                             List<Long> speakerIds, OffsetDateTime deletedAt) {
}
