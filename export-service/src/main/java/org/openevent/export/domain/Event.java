package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;

/**
 * An event as export-service renders and serves it: common's event projection (kept by {@code EventProjection},
 * from Kafka and from event-service when asked) plus this service's feed epoch. Read-only here; {@code version} is
 * the upstream aggregate version.
 */
@Entity
@Immutable
@Table(name = "event_projection")
public class Event extends PanacheEntityBase {

    @Id
    public Long id;

    public String identifier;
    public String name;
    public String description;
    public String state;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    public String timezone;
    @Column(name = "location_name")
    public String locationName;
    public Double latitude;
    public Double longitude;
    public long version;
    /** When this service last applied a snapshot of the event. */
    @Column(name = "applied_at")
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    public String privacy;
    /** When the organizers published the schedule; feeds list sessions only once it is set. */
    @Column(name = "schedule_published_on")
    public OffsetDateTime schedulePublishedOn;
    /** Moves when a feed's content changes without a schedule version (a cancellation's period ended). */
    @Column(name = "feed_epoch")
    public long feedEpoch;
    @Column(name = "feed_epoch_at")
    public OffsetDateTime feedEpochAt;

    /** Published and not deleted: its feeds exist for everyone. */
    public boolean isPublic() {
        return deletedAt == null && "published".equals(state);
    }

    /** Whether its feeds list sessions: a public event whose organizers have published the schedule. */
    public boolean isSchedulePublic() {
        return isPublic() && schedulePublishedOn != null;
    }
}
