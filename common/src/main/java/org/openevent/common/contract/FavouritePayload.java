package org.openevent.common.contract;

import java.time.OffsetDateTime;

/**
 * Snapshot of a user's favourite session ({@code user-favourite-session.upserted} on {@code openevent.sessions}),
 * keyed by the favourite's id; a removed favourite is a snapshot with {@code deletedAt}. It takes a schedule
 * version like every schedule message, so an export or feed waiting for freshness sees it.
 */
public record FavouritePayload(long id, long eventId, long scheduleVersion, long sessionId, long userId,
                               OffsetDateTime deletedAt) implements ScheduleChange {
}
