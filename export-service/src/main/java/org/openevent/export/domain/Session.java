package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;

/** Projected session; {@code updatedAt} is when the applied snapshot was committed upstream. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    /** States whose sessions appear in exported schedules. */
    public static final Set<String> SCHEDULED_STATES = Set.of("accepted", "confirmed");

    @Id
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    public String title;
    public String subtitle;
    @Column(name = "short_abstract")
    public String shortAbstract;
    @Column(name = "long_abstract")
    public String longAbstract;
    public String language;
    public String state;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "track_id")
    public Long trackId;
    @Column(name = "microlocation_id")
    public Long microlocationId;
    @Column(name = "session_type_id")
    public Long sessionTypeId;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    /** When this service applied the snapshot. */
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
}
