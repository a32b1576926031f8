package org.openevent.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Local copy of an event-service event, kept current from its {@code event.upserted} snapshots. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    public static final String PUBLISHED = "published";

    @Id
    public Long id;

    public String identifier;
    public String name;
    public String state;
    public String timezone;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    public long version;

    public boolean isPublished() {
        return PUBLISHED.equals(state);
    }
}
