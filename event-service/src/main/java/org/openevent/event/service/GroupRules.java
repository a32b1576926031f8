package org.openevent.event.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.EventGroup;

/**
 * Groups of events: anyone signed in creates one and owns it; its owner (or an admin) changes and deletes it;
 * everyone reads them. Promoting a group is an editorial decision of admins. Every change is published for the
 * statistics.
 */
@ApplicationScoped
public class GroupRules implements ResourceRules<EventGroup> {

    static final ResourceType<EventGroup> TYPE = ResourceType.define("group", "groups", EventGroup.class,
                    EventGroup::new)
            .string("name", g -> g.name, (g, v) -> g.name = v).required().notBlank()
            .datetime("createdAt", g -> g.createdAt, null)
            .json("socialLinks", g -> g.socialLinks, (g, v) -> g.socialLinks = v)
            .check(value -> validLinks((JsonNode) value) ? null : "Each social link needs a name and a link.")
            .url("logoUrl", g -> g.logoUrl, (g, v) -> g.logoUrl = v)
            .bool("isPromoted", g -> g.isPromoted, (g, v) -> g.isPromoted = v).notNull().defaultTo(false)
            .writableWhen(Access::isStaff, true)
            .url("bannerUrl", g -> g.bannerUrl, (g, v) -> g.bannerUrl = v)
            .string("thumbnailImageUrl", g -> g.thumbnailImageUrl, null)
            .integer("followerCount", g -> g.followerCount, null)
            .text("about", g -> g.about, (g, v) -> g.about = v).normalize(Html::sanitize)
            .datetime("deletedAt", g -> g.deletedAt, null)
            .inverse("events", "event", "groupId")
            .toOne("user", "user", "userId", g -> g.userId, null)
            .empty("roles", true, "users-groups-role", "Group roles are not offered: a group has its owner.")
            .joined("follower", false, "user-follow-group", "{t}.groupId = {o}.id and {t}.userId = {caller}")
            .inverse("followers", "user-follow-group", "groupId")
            .ofUser("groups", "x.userId = {user}")
            .defaultOrder("x.createdAt desc")
            .build();

    private final GroupSnapshots snapshots;

    public GroupRules(GroupSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public ResourceType<EventGroup> type() {
        return TYPE;
    }

    @Override
    public void checkListAll(Access access) {
    }

    @Override
    public void checkCreate(Access access, Changes<EventGroup> changes) {
        access.requireUser();
    }

    @Override
    public void checkUpdate(Access access, EventGroup group, Changes<EventGroup> changes) {
        requireGroupOwner(access, group);
    }

    @Override
    public void checkDelete(Access access, EventGroup group) {
        requireGroupOwner(access, group);
    }

    @Override
    public void prepare(Access access, EventGroup group, Changes<EventGroup> changes) {
        if (changes.creating()) {
            group.userId = access.requireUser();
        }
    }

    @Override
    public Uni<Void> saved(Access access, EventGroup group, Change change) {
        return snapshots.publish(group);
    }

    static void requireGroupOwner(Access access, EventGroup group) {
        access.requireUser();
        if (!access.isStaff() && !access.isSelf(group.userId)) {
            throw ApiException.forbidden("Group owner access is required.");
        }
    }

    private static boolean validLinks(JsonNode links) {
        if (links == null || links.isNull()) {
            return true;
        }
        if (!links.isArray() || links.size() > 50) {
            return false;
        }
        for (JsonNode link : links) {
            if (!link.isObject() || !link.path("name").isTextual() || !link.path("link").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
