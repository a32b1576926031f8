package org.openevent.event.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's role on one event: owner, organizer or co-organizer. */
@Entity
@Table(name = "event_role")
public class EventRole extends PanacheEntityBase {

    public static final String OWNER = "owner";
    public static final String ORGANIZER = "organizer";
    public static final String COORGANIZER = "coorganizer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "user_id")
    public long userId;

    public String role;

    public static EventRole of(long eventId, long userId, String role) {
        EventRole grant = new EventRole();
        grant.eventId = eventId;
        grant.userId = userId;
        grant.role = role;
        return grant;
    }
}
