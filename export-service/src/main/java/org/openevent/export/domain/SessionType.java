package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Projected session type of an event. */
@Entity
@Table(name = "session_type")
public class SessionType extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    public String name;
    public long version;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
