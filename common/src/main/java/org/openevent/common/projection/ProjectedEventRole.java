package org.openevent.common.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One role grant copied from an event snapshot (table {@code event_projection_role}). */
@Entity
@Table(name = "event_projection_role")
@IdClass(ProjectedEventRole.Key.class)
public class ProjectedEventRole extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public long eventId;

    @Id
    @Column(name = "user_id")
    public long userId;

    @Id
    public String role;

    public static ProjectedEventRole of(long eventId, long userId, String role) {
        ProjectedEventRole grant = new ProjectedEventRole();
        grant.eventId = eventId;
        grant.userId = userId;
        grant.role = role;
        return grant;
    }

    /** Composite key of a grant. */
    public static class Key implements Serializable {

        public long eventId;
        public long userId;
        public String role;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.eventId == eventId && key.userId == userId
                    && Objects.equals(key.role, role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, userId, role);
        }
    }
}
