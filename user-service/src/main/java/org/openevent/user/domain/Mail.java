package org.openevent.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.openevent.common.resource.ResourceEntity;

/** One mail the platform sends (any service asks for it with {@code mail.requested}); the admin's mail log. */
@Entity
@Table(name = "mail")
public class Mail extends ResourceEntity {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";

    @Column(name = "mail_id")
    public String mailId;
    /** The template family, served as the original's {@code action}. */
    public String kind;
    public String recipient;
    public String subject;
    public String message;
    public String html;
    @Column(name = "user_id")
    public Long userId;
    public String state;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** When the mail went out, or was asked for while it is still pending. */
    public OffsetDateTime time() {
        return sentAt != null ? sentAt : createdAt;
    }
}
