package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** Snapshot of a track. */
public record TrackPayload(long id, long eventId, String name, String description, String color,
                           OffsetDateTime deletedAt) {
}
