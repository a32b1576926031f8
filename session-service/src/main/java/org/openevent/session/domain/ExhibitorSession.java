package org.openevent.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Link between an exhibitor and a session it presents at. */
@Entity
@Table(name = "exhibitor_session")
@IdClass(ExhibitorSession.Key.class)
public class ExhibitorSession extends PanacheEntityBase {

    @Id
    @Column(name = "exhibitor_id")
    public long exhibitorId;

    @Id
    @Column(name = "session_id")
    public long sessionId;

    public static ExhibitorSession of(long exhibitorId, long sessionId) {
        ExhibitorSession link = new ExhibitorSession();
        link.exhibitorId = exhibitorId;
        link.sessionId = sessionId;
        return link;
    }

    /** Composite primary key of a link. */
    public static class Key implements Serializable {

        public long exhibitorId;
        public long sessionId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.exhibitorId == exhibitorId && key.sessionId == sessionId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(exhibitorId, sessionId);
        }
    }
}
