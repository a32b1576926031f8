package org.openevent.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Formula;
import org.openevent.common.resource.EventChildEntity;

/** An invitation, by e-mail address, to co-present a session; accepted or rejected by the invitee. */
@Entity
@Table(name = "speaker_invite")
public class SpeakerInvite extends EventChildEntity {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final Set<String> STATUSES = Set.of(PENDING, ACCEPTED, REJECTED);

    @Column(name = "session_id")
    public Long sessionId;
    /** Who sent the invitation. */
    @Column(name = "creator_id")
    public Long creatorId;
    public String email;
    public String status;
    /** The proposer and speakers' users of the invitation's session (SQL function {@code session_people}). */
    @Formula("session_people(session_id)")
    public String sessionPeople;

    /** Whether the user proposed the invitation's session or is the user of one of its speakers. */
    public boolean sessionBelongsTo(Long userId) {
        return userId != null && sessionPeople != null
                && List.of(sessionPeople.split(",")).contains(String.valueOf(userId));
    }
}
