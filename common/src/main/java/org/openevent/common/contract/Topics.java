package org.openevent.common.contract;

/** Kafka topics of the platform; each has a {@code .dlq} twin for records its consumers cannot process. */
public final class Topics {

    /** Event snapshots from event-service ({@code event.upserted}), keyed by event. */
    public static final String EVENTS = "openevent.events";
    /** Tracks, rooms, session types, speakers and sessions from session-service, keyed by aggregate. */
    public static final String SESSIONS = "openevent.sessions";
    /** Groups of events and who follows them, from event-service, keyed by aggregate. */
    public static final String GROUPS = "openevent.groups";
    /** Public user facts from user-service ({@code user.upserted}); never e-mails or hashes. */
    public static final String USERS = "openevent.users";
    /** Export requests, produced and consumed by export-service so rendering survives restarts. */
    public static final String EXPORT_REQUESTS = "openevent.export-requests";
    /**
     * Mail: {@code mail.requested} from any service (with the address; consumed by user-service, which sends it)
     * and {@code mail.sent} from user-service (without it; consumed by statistics). Keyed by mail id.
     */
    public static final String MAILS = "openevent.mails";
    /** Terminal results of export tasks. */
    public static final String EXPORT_RESULTS = "openevent.export-results";

    private Topics() {
    }
}
