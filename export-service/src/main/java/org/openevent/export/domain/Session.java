package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Projected session; {@code updatedAt} is when the applied snapshot was committed upstream. How it is listed in
 * feeds and exports (scheduled, cancelled or not at all) is decided here from each snapshot.
 */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    /** States whose sessions appear in exported schedules. */
    public static final Set<String> SCHEDULED_STATES = Set.of("accepted", "confirmed");
    public static final short UNLISTED = 0;
    public static final short SCHEDULED = 1;
    public static final short CANCELLED = 2;

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
    /** Accepted or confirmed at some point: its later withdrawal is published as a cancellation. */
    @Column(name = "was_public")
    public boolean wasPublic;
    /** {@link #UNLISTED}, {@link #SCHEDULED} or {@link #CANCELLED}. */
    public short listing;
    @Column(name = "listed_starts_at")
    public OffsetDateTime listedStartsAt;
    @Column(name = "listed_ends_at")
    public OffsetDateTime listedEndsAt;
    /** When a public session stopped being public. */
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    /** Rises with every change of what its rendered fragments show. */
    @Column(name = "render_gen")
    public long renderGen;
    /** The schedule version of the message that last changed its fragment or listing ({@link #changeMark}). */
    @Column(name = "changed_in")
    public long changedIn;

    /**
     * How a change made by a message of {@code scheduleVersion} is marked: by that version, or, for a message
     * without one, above every version, so that plans built on earlier listings read the session again.
     */
    public static long changeMark(long scheduleVersion) {
        return scheduleVersion > 0 ? scheduleVersion : Long.MAX_VALUE;
    }

    /**
     * Decides how the session is listed after a snapshot: scheduled while accepted or confirmed, timed and live;
     * once it was public, as a cancellation (at its last published times) from the moment it stopped being so,
     * for {@code cancellationPeriod}; otherwise not at all.
     */
    public void relist(OffsetDateTime changedAt, boolean publicBefore, Duration cancellationPeriod) {
        boolean scheduled = deletedAt == null && state != null && SCHEDULED_STATES.contains(state)
                && startsAt != null && endsAt != null;
        wasPublic = wasPublic || publicBefore || scheduled;
        if (scheduled) {
            listing = SCHEDULED;
            listedStartsAt = startsAt;
            listedEndsAt = endsAt;
            cancelledAt = null;
            return;
        }
        if (listedStartsAt == null && startsAt != null && endsAt != null) {
            listedStartsAt = startsAt;
            listedEndsAt = endsAt;
        }
        if (!wasPublic || listedStartsAt == null) {
            listing = UNLISTED;
            return;
        }
        if (cancelledAt == null) {
            cancelledAt = changedAt;
        }
        listing = cancelledAt.plus(cancellationPeriod).isAfter(OffsetDateTime.now()) ? CANCELLED : UNLISTED;
    }
}
