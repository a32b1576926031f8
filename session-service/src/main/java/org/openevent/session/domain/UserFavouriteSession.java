package org.openevent.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A session a user starred for their personal schedule; private to that user. */
@Entity
@Table(name = "user_favourite_session")
public class UserFavouriteSession extends EventChildEntity {

    @Column(name = "session_id")
    public Long sessionId;
    @Column(name = "user_id")
    public Long userId;
}
