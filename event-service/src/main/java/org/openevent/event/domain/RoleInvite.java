package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import org.openevent.common.resource.EventChildEntity;

/** An invitation to hold a role on an event, sent by e-mail; only the digest of its secret token is stored. */
@Entity
@Table(name = "role_invite")
public class RoleInvite extends EventChildEntity {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";

    public String email;
    @Column(name = "role_id")
    public Long roleId;
    @Column(name = "role_name")
    public String roleName;
    @Column(name = "token_hash")
    public String tokenHash;
    public String status;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "accepted_by")
    public Long acceptedBy;
    /** The secret token of a new invitation, only until its mail is queued. */
    @Transient
    public String token;

    public boolean isPendingAt(OffsetDateTime now) {
        return PENDING.equals(status) && expiresAt.isAfter(now);
    }
}
