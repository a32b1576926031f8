package org.openevent.stats.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The latest known snapshot of one event, keyed by event-service's id; {@code version} orders snapshots. */
@Entity
@Table(name = "event_projection")
public class EventProjection extends PanacheEntityBase {

    @Id
    public Long id;

    public String state;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    public long version;
}
