package org.openevent.stats.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.openevent.common.resource.ResourceEntity;

/**
 * One event's own figures (view {@code event_general_statistics}): its live sessions by state and its speakers, for
 * every event the shared projection knows, keyed by the event's id.
 */
@Entity
@Immutable
@Table(name = "event_general_statistics")
public class EventGeneralStatistics extends ResourceEntity {

    public String identifier;
    @Column(name = "sessions_draft")
    public long sessionsDraft;
    @Column(name = "sessions_pending")
    public long sessionsPending;
    @Column(name = "sessions_accepted")
    public long sessionsAccepted;
    @Column(name = "sessions_confirmed")
    public long sessionsConfirmed;
    @Column(name = "sessions_rejected")
    public long sessionsRejected;
    @Column(name = "sessions_withdrawn")
    public long sessionsWithdrawn;
    @Column(name = "sessions_canceled")
    public long sessionsCanceled;
    @Column(name = "speakers_draft")
    public long speakersDraft;
    @Column(name = "speakers_pending")
    public long speakersPending;
    @Column(name = "speakers_accepted")
    public long speakersAccepted;
    @Column(name = "speakers_confirmed")
    public long speakersConfirmed;
    @Column(name = "speakers_rejected")
    public long speakersRejected;
    @Column(name = "speakers_withdrawn")
    public long speakersWithdrawn;
    @Column(name = "speakers_canceled")
    public long speakersCanceled;
    @Column(name = "speakers_total")
    public long speakersTotal;
    @Column(name = "speakers_without_session")
    public long speakersWithoutSession;

    /** Every live session of the event, whatever its state. */
    public long sessions() {
        return sessionsDraft + sessionsPending + sessionsAccepted + sessionsConfirmed + sessionsRejected
                + sessionsWithdrawn + sessionsCanceled;
    }
}
