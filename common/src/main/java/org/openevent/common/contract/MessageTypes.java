package org.openevent.common.contract;

/** Message type names carried in {@link org.openevent.common.messaging.Envelope#type()}. */
public final class MessageTypes {

    public static final String EVENT_UPSERTED = "event.upserted";
    public static final String TRACK_UPSERTED = "track.upserted";
    public static final String MICROLOCATION_UPSERTED = "microlocation.upserted";
    public static final String SESSION_TYPE_UPSERTED = "session-type.upserted";
    public static final String SPEAKER_UPSERTED = "speaker.upserted";
    public static final String SESSION_UPSERTED = "session.upserted";
    /** A user's starred session (not a schedule change: it carries no schedule version). */
    public static final String USER_FAVOURITE_SESSION_UPSERTED = "user-favourite-session.upserted";
    public static final String USER_UPSERTED = "user.upserted";
    public static final String FAVOURITE_UPSERTED = "user-favourite-session.upserted";
    public static final String GROUP_UPSERTED = "group.upserted";
    public static final String GROUP_FOLLOW_UPSERTED = "user-follow-group.upserted";
    public static final String EVENT_TYPE_UPSERTED = "event-type.upserted";
    public static final String EVENT_TOPIC_UPSERTED = "event-topic.upserted";
    public static final String EVENT_SUB_TOPIC_UPSERTED = "event-sub-topic.upserted";
    public static final String EXPORT_REQUESTED = "export.requested";
    public static final String EXPORT_COMPLETED = "export.completed";
    public static final String MAIL_REQUESTED = "mail.requested";
    public static final String MAIL_SENT = "mail.sent";

    private MessageTypes() {
    }
}
