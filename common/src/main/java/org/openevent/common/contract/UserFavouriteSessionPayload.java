package org.openevent.common.contract;

import java.time.OffsetDateTime;

/**
 * Snapshot of one starred session of a user ({@code user-favourite-session.upserted} on {@code openevent.sessions}),
 * keyed by the favourite's id. Un-starring is the same favourite with {@code deletedAt}; starring the session
 * again is a new favourite, so a user's favourites are the live ones. Not a schedule change: it carries no schedule
 * version and does not count towards the schedule watermark.
 */
public record UserFavouriteSessionPayload(long id, long sessionId, long eventId, long userId, OffsetDateTime createdAt,
                                          OffsetDateTime deletedAt) {
}
