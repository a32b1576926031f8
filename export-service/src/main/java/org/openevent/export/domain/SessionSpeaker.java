package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One speaker of a session at its position in the published speaker list. */
@Entity
@Table(name = "session_speaker")
public class SessionSpeaker extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id")
    public long sessionId;

    @Column(name = "speaker_id")
    public long speakerId;

    public int position;

    public static SessionSpeaker of(long sessionId, long speakerId, int position) {
        SessionSpeaker link = new SessionSpeaker();
        link.sessionId = sessionId;
        link.speakerId = speakerId;
        link.position = position;
        return link;
    }
}
