package org.openevent.event.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.EventGroup;
import org.openevent.event.domain.UserFollowGroup;

/**
 * A user following a group: the signed-in user follows for themselves (once per group) and unfollows only their
 * own follows. Follows are public, as the event page shows a group's followers. The group's follower count moves
 * with them and both are published for the statistics.
 */
@ApplicationScoped
public class UserFollowGroupRules implements ResourceRules<UserFollowGroup> {

    static final ResourceType<UserFollowGroup> TYPE = ResourceType.define("user-follow-group", "user-follow-groups",
                    UserFollowGroup.class, UserFollowGroup::new)
            .datetime("createdAt", f -> f.createdAt, null)
            .toOne("group", "group", "groupId", f -> f.groupId, (f, v) -> f.groupId = v).writable()
            .requiredRelationship()
            .toOne("user", "user", "userId", f -> f.userId, null)
            .ofUser("followed-groups", "x.userId = {user}")
            .defaultOrder("x.id asc")
            .hardDelete()
            .build();

    private final GroupSnapshots snapshots;

    public UserFollowGroupRules(GroupSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public ResourceType<UserFollowGroup> type() {
        return TYPE;
    }

    @Override
    public void checkCreate(Access access, Changes<UserFollowGroup> changes) {
        access.requireUser();
    }

    @Override
    public void checkUpdate(Access access, UserFollowGroup follow, Changes<UserFollowGroup> changes) {
        access.requireUser();
        throw ApiException.forbidden("A follow cannot be changed; unfollow and follow again.");
    }

    @Override
    public void checkDelete(Access access, UserFollowGroup follow) {
        access.requireUser();
        if (!access.isStaff() && !access.isSelf(follow.userId)) {
            throw ApiException.forbidden("User have no permission to delete follower");
        }
    }

    @Override
    public Uni<Void> validate(Access access, UserFollowGroup follow, Changes<UserFollowGroup> changes) {
        return UserFollowGroup.count("groupId = ?1 and userId = ?2", changes.toOne("group"), access.requireUser())
                .invoke(taken -> {
                    if (taken > 0) {
                        throw ApiException.conflict("/data/relationships/group", "Group already followed");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, UserFollowGroup follow, Changes<UserFollowGroup> changes) {
        follow.userId = access.requireUser();
    }

    @Override
    public Uni<Void> saved(Access access, UserFollowGroup follow, Change change) {
        int delta = change == Change.CREATED ? 1 : change == Change.REMOVED ? -1 : 0;
        if (change == Change.REMOVED) {
            follow.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
            follow.changed();
        }
        return Panache.getSession()
                .flatMap(session -> session.find(EventGroup.class, follow.groupId, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(group -> {
                    group.followerCount = Math.max(0, group.followerCount + delta);
                    group.changed();
                    return snapshots.publish(group);
                })
                .flatMap(ignored -> snapshots.publish(follow));
    }
}
