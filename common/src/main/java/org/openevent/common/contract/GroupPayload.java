package org.openevent.common.contract;

import java.time.OffsetDateTime;

/**
 * Snapshot of a group of events ({@code group.upserted} on {@link Topics#GROUPS}), published on every change
 * including soft deletion. Which events belong to a group travels with the events ({@link EventPayload#groupId}).
 */
public record GroupPayload(long id, String name, long userId, boolean promoted, int followerCount,
                           OffsetDateTime createdAt, OffsetDateTime deletedAt) {
}
