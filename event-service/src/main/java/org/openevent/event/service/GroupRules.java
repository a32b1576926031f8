package org.openevent.event.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.event.domain.Event;
import org.openevent.event.domain.EventGroup;
import org.openevent.event.domain.EventRole;

/**
 * Groups of events: anyone signed in creates one and owns it; its owner (or an admin) changes and deletes it and
 * files into it the events they own (through the group's {@code events}, as the frontend does, or the event's
 * {@code group}); everyone reads them. Promoting a group is an editorial decision of admins. Every change is
 * published for the statistics, and every event that joins or leaves a group is republished.
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
            .inverse("events", "event", "groupId").writable()
            .toOne("user", "user", "userId", g -> g.userId, null)
            .empty("roles", true, "users-groups-role", "Group roles are not offered: a group has its owner.")
            .joined("follower", false, "user-follow-group", "{t}.groupId = {o}.id and {t}.userId = {caller}")
            .inverse("followers", "user-follow-group", "groupId")
            .ofUser("groups", "x.userId = {user}")
            .defaultOrder("x.createdAt desc")
            .build();

    private final GroupSnapshots snapshots;
    private final EventSnapshots events;

    public GroupRules(GroupSnapshots snapshots, EventSnapshots events) {
        this.snapshots = snapshots;
        this.events = events;
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

    /** The frontend files events into a group through the group's {@code events}: only their owner may. */
    @Override
    public Uni<Void> validate(Access access, EventGroup group, Changes<EventGroup> changes) {
        List<Long> ids = changes.toMany("events").orElse(List.of());
        if (ids.isEmpty() || access.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        return EventRole.count("userId = ?1 and role = ?2 and eventId in ?3", access.requireUser(), Roles.OWNER,
                Set.copyOf(ids)).invoke(owned -> {
                    if (owned < ids.size()) {
                        throw ApiException.forbidden("Event owner access required");
                    }
                }).replaceWithVoid();
    }

    /** Sets the group of the listed events and clears it from those no longer listed; each event is republished. */
    @Override
    public Uni<Void> replaceMembers(EventGroup group, String relationship, List<Long> ids) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "from Event e where e.groupId = :group or e.id in :ids order by e.id", Event.class)
                        .setParameter("group", group.id).setParameter("ids", ids.isEmpty() ? Set.of(-1L) : Set.copyOf(ids))
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList())
                .flatMap(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Event event : found) {
                        Long wanted = ids.contains(event.id) ? group.id : null;
                        if (!Objects.equals(event.groupId, wanted)) {
                            event.groupId = wanted;
                            event.changed();
                            chain = chain.flatMap(ignored -> events.publish(event));
                        }
                    }
                    return chain;
                });
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
