package org.openevent.common.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.openevent.common.resource.EventFacts;

/** A service's copy of an event-service event, kept current from its snapshots (table {@code event_projection}). */
@Entity
@Table(name = "event_projection")
public class ProjectedEvent extends PanacheEntityBase {

    @Id
    public Long id;
    public String identifier;
    public String name;
    public String description;
    public String state;
    public String privacy;
    public String timezone;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "location_name")
    public String locationName;
    public Double latitude;
    public Double longitude;
    @Column(name = "owner_name")
    public String ownerName;
    @Column(name = "schedule_published_on")
    public OffsetDateTime schedulePublishedOn;
    @Column(name = "sessions_speakers_enabled")
    public boolean sessionsSpeakersEnabled;
    @Column(name = "sponsors_enabled")
    public boolean sponsorsEnabled;
    @Column(name = "event_type_id")
    public Long eventTypeId;
    @Column(name = "event_topic_id")
    public Long eventTopicId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    public long version;
    /** When this copy last changed here: compared with a snapshot's time it gives the propagation lag. */
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;

    public EventFacts facts() {
        return new EventFacts(id, identifier, name, state, privacy, timezone, startsAt, endsAt, schedulePublishedOn,
                sessionsSpeakersEnabled, sponsorsEnabled, deletedAt, version);
    }
}
