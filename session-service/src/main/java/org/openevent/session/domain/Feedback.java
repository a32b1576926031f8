package org.openevent.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A user's rating (0 to 5, in halves) and comment on a session; one live feedback per user and session. */
@Entity
@Table(name = "feedback")
public class Feedback extends EventChildEntity {

    @Column(name = "session_id")
    public Long sessionId;
    @Column(name = "user_id")
    public Long userId;
    public Double rating;
    public String comment;
}
