package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openevent.common.persistence.NativeSql;

/** What the event projection's role grants say about users: their events per role, and their role flags. */
@ApplicationScoped
public class RoleRepository {

    private static final String HOLDS = "EXISTS (SELECT 1 FROM event_projection_role r JOIN event_projection e "
            + "ON e.id = r.event_id WHERE r.user_id = u.id AND e.deleted_at IS NULL AND r.role = '%s')";

    /** The users holding any role on the event now (inside the caller's session). */
    public Uni<List<Long>> holdersOf(long eventId) {
        return Panache.getSession().flatMap(session -> NativeSql.column(session,
                        "SELECT DISTINCT user_id FROM event_projection_role WHERE event_id = $1", eventId))
                .map(ids -> ids.stream().map(NativeSql::asLong).toList());
    }

    /** Recomputes the {@code is_user_*} flags of these users from the live events' grants, in one statement. */
    public Uni<Void> refreshFlags(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "UPDATE app_user u SET is_user_owner = " + HOLDS.formatted("owner")
                + ", is_user_organizer = " + HOLDS.formatted("organizer")
                + ", is_user_coorganizer = " + HOLDS.formatted("coorganizer")
                + ", is_user_track_organizer = " + HOLDS.formatted("track_organizer")
                + ", is_user_moderator = " + HOLDS.formatted("moderator")
                + ", is_user_registrar = " + HOLDS.formatted("registrar")
                + " WHERE u.id IN (:users)";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("users", Set.copyOf(userIds)).executeUpdate()).replaceWithVoid();
    }

    /**
     * For a page of users, the live events where each holds one of {@code roles} (any role when empty), in one
     * query: user id → event ids in id order.
     */
    public Uni<Map<Long, List<Long>>> eventsOf(Collection<Long> userIds, Collection<String> roles) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String sql = "SELECT DISTINCT r.user_id, r.event_id FROM event_projection_role r JOIN event_projection e "
                + "ON e.id = r.event_id WHERE r.user_id = ANY($1) AND e.deleted_at IS NULL"
                + (roles.isEmpty() ? "" : " AND r.role = ANY($2)") + " ORDER BY r.user_id, r.event_id";
        Object[] parameters = roles.isEmpty() ? new Object[] {userIds.toArray(Long[]::new)}
                : new Object[] {userIds.toArray(Long[]::new), roles.toArray(String[]::new)};
        return Panache.getSession().flatMap(session -> NativeSql.rows(session, sql, parameters)).map(rows -> {
            Map<Long, List<Long>> events = new HashMap<>();
            for (Object[] row : rows) {
                events.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                        .add(((Number) row[1]).longValue());
            }
            return events;
        });
    }

    /** Whether the user owns a live event (such accounts cannot be deleted, as in the original). */
    public Uni<Boolean> ownsLiveEvents(long userId) {
        return eventsOf(List.of(userId), List.of("owner")).map(events -> !events.isEmpty());
    }

    /** The union of two id lists, in order. */
    public static Set<Long> union(Collection<Long> first, Collection<Long> second) {
        Set<Long> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }
}
