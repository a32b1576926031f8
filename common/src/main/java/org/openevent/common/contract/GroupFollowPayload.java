package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** A user following a group ({@code user-follow-group.upserted} on {@code openevent.groups}); unfollowing sets {@code deletedAt}. */
public record GroupFollowPayload(long id, long groupId, long userId, OffsetDateTime createdAt,
                                 OffsetDateTime deletedAt) {
}
