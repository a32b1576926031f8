package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.event.domain.EventRole;
import org.openevent.event.domain.RoleInvite;

/**
 * Role grants ({@code users-events-roles}, plural as the original names the type): seen and removed by the event's
 * co-organizers, created only by accepting an invitation, the owner's never removed. Every change republishes the
 * event's snapshot, which carries the grants to the other services.
 */
@ApplicationScoped
public class UsersEventsRolesRules implements ResourceRules<EventRole> {

    static final ResourceType<EventRole> TYPE = ResourceType.define("users-events-roles", "users-events-roles",
                    EventRole.class, EventRole::new)
            .childOfEvent()
            .toOne("user", "user", "userId", g -> g.userId, null)
            .joined("role", false, "role", "{t}.name = {o}.role")
            .defaultOrder("x.id asc")
            .hardDelete()
            .build();

    private final EventGrants grants;

    public UsersEventsRolesRules(EventGrants grants) {
        this.grants = grants;
    }

    @Override
    public ResourceType<EventRole> type() {
        return TYPE;
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        return access.isCoorganizer() ? null : "1 = 0";
    }

    @Override
    public boolean canSee(Access access, EventRole grant) {
        return access.isCoorganizer();
    }

    @Override
    public void checkCreate(Access access, Changes<EventRole> changes) {
        access.requireUser();
        throw ApiException.forbidden("Roles are granted by accepting a role invite.");
    }

    @Override
    public void checkDelete(Access access, EventRole grant) {
        access.requireCoorganizer();
        if (Roles.OWNER.equals(grant.role)) {
            throw ApiException.forbidden("You cannot remove the owner of the event.");
        }
    }

    @Override
    public Uni<Void> saved(Access access, EventRole grant, Change change) {
        if (change != Change.REMOVED) {
            return grants.changed(grant.eventId, null);
        }
        // The accepted invitation that led to this grant goes with it, so the same person can be invited again.
        return RoleInvite.delete("eventId = ?1 and acceptedBy = ?2 and roleName = ?3", grant.eventId, grant.userId,
                grant.role).flatMap(ignored -> grants.changed(grant.eventId, grant.id));
    }
}
