package org.openevent.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Link between a session and one of its speakers. */
@Entity
@Table(name = "session_speaker")
@IdClass(SessionSpeaker.Key.class)
public class SessionSpeaker extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public long sessionId;

    @Id
    @Column(name = "speaker_id")
    public long speakerId;

    public static SessionSpeaker of(long sessionId, long speakerId) {
        SessionSpeaker link = new SessionSpeaker();
        link.sessionId = sessionId;
        link.speakerId = speakerId;
        return link;
    }

    /** Composite primary key of a link. */
    public static class Key implements Serializable {

        public long sessionId;
        public long speakerId;

        public Key() {
        }

        public Key(long sessionId, long speakerId) {
            this.sessionId = sessionId;
            this.speakerId = speakerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.sessionId == sessionId && key.speakerId == speakerId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, speakerId);
        }
    }
}
