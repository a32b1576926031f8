package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A user's favourite session, projected from session-service; a removed favourite has {@code deletedAt}. */
@Entity
@Table(name = "favourite")
public class Favourite extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "session_id")
    public long sessionId;

    @Column(name = "user_id")
    public long userId;

    public long version;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
