package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.openevent.common.resource.EventChildEntity;

/** An event's call for speakers: when proposals are taken and what it announces; at most one live per event. */
@Entity
@Table(name = "speakers_call")
public class SpeakersCall extends EventChildEntity {

    public String announcement;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "soft_ends_at")
    public OffsetDateTime softEndsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    public String hash;
    public String privacy;
}
