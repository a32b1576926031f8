package org.openevent.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's role on a projected event (owner, organizer or coorganizer), copied from the event snapshot. */
@Entity
@Table(name = "event_role")
public class EventRole extends PanacheEntityBase {

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
