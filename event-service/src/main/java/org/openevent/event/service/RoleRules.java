package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.event.domain.Role;

/** Roles: public to read, managed by admins; the built-in event roles can be neither changed nor removed. */
@ApplicationScoped
public class RoleRules implements ResourceRules<Role> {

    static final ResourceType<Role> TYPE = ResourceType.define("role", "roles", Role.class, Role::new)
            .string("name", r -> r.name, (r, v) -> r.name = v).required().notBlank().max(64)
            .string("titleName", r -> r.titleName, (r, v) -> r.titleName = v)
            .inverse("role-invites", "role-invite", "roleId").visibleWhen(Access::isStaff)
            .defaultOrder("x.id asc")
            .hardDelete()
            .build();

    @Override
    public ResourceType<Role> type() {
        return TYPE;
    }

    @Override
    public void checkListAll(Access access) {
    }

    @Override
    public void checkUpdate(Access access, Role role, Changes<Role> changes) {
        access.requireAdmin();
        if (Roles.ALL.contains(role.name)) {
            throw ApiException.attribute("name", "A built-in role cannot be changed.");
        }
    }

    @Override
    public void checkDelete(Access access, Role role) {
        access.requireAdmin();
        if (Roles.ALL.contains(role.name)) {
            throw ApiException.attribute("name", "A built-in role cannot be deleted.");
        }
    }

    @Override
    public Uni<Void> validate(Access access, Role role, Changes<Role> changes) {
        if (!changes.has("name")) {
            return Uni.createFrom().voidItem();
        }
        String name = changes.value("name");
        return Role.count("name = ?1 and id <> ?2", name, role.id == null ? -1L : role.id).invoke(taken -> {
            if (taken > 0) {
                throw ApiException.conflict("/data/attributes/name", "A role with this name already exists.");
            }
        }).replaceWithVoid();
    }
}
