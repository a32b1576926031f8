package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** Snapshot of a group of events ({@code group.upserted} on {@code openevent.groups}). */
public record GroupPayload(long id, String name, long ownerId, boolean promoted, OffsetDateTime createdAt,
                           OffsetDateTime deletedAt) {
}
