package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.projection.EventProjection;
import org.openevent.user.repository.RoleRepository;

/**
 * Applies event snapshots to the event projection and keeps the {@code is-user-*} flags of every user whose grants
 * the snapshot touched in step, so lists of users read their flags as columns instead of counting per row.
 */
@ApplicationScoped
public class RoleFlags {

    private final EventProjection projection;
    private final RoleRepository roles;

    public RoleFlags(EventProjection projection, RoleRepository roles) {
        this.projection = projection;
        this.roles = roles;
    }

    /** Inside the consumer's transaction: the snapshot, then the flags of its former and new role holders. */
    public Uni<Void> apply(EventPayload event, long version) {
        return roles.holdersOf(event.id()).flatMap(before -> projection.apply(event, version).flatMap(applied -> {
            if (!applied) {
                return Uni.createFrom().voidItem();
            }
            List<Long> after = event.roles() == null ? List.of()
                    : event.roles().stream().map(EventPayload.RoleGrant::userId).toList();
            // The grants were persisted through the session: flush them before the flags are computed in SQL.
            return Panache.getSession().flatMap(session -> session.flush())
                    .flatMap(ignored -> roles.refreshFlags(RoleRepository.union(before, after)));
        }));
    }
}
