package org.openevent.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A kind of session (talk, workshop...) with its usual length as {@code HH:MM}. */
@Entity
@Table(name = "session_type")
public class SessionType extends EventChildEntity {

    public static final String DEFAULT_LENGTH = "00:30";

    public String name;
    public String length;
    public int position;
}
