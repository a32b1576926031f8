package org.openevent.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/** Columns shared by everything that belongs to one event: id, event, change version and soft deletion. */
@MappedSuperclass
public abstract class EventScoped extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    /** Starts at 1 and increases with every change; it is the aggregate version of the published snapshot. */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
