package org.openevent.common.contract;

import java.time.OffsetDateTime;

/**
 * Snapshot of one user following one group ({@code user-follow-group.upserted} on {@link Topics#GROUPS}); an
 * unfollow is the last snapshot, with {@code deletedAt} set.
 */
public record UserFollowGroupPayload(long id, long groupId, long userId, OffsetDateTime createdAt,
                                     OffsetDateTime deletedAt) {
}
