package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.resource.EventChildEntity;

/** A user's role on one event (served as {@code users-events-roles}); the role is stored by its name. */
@Entity
@Table(name = "event_role")
public class EventRole extends EventChildEntity {

    public static final String OWNER = "owner";
    public static final String ORGANIZER = "organizer";
    public static final String COORGANIZER = "coorganizer";

    @Column(name = "user_id")
    public long userId;

    public String role;

    public static EventRole of(long eventId, long userId, String role) {
        EventRole grant = new EventRole();
        grant.eventId = eventId;
        grant.userId = userId;
        grant.role = role;
        grant.created(OffsetDateTime.now(ZoneOffset.UTC));
        return grant;
    }
}
