package org.openevent.common.contract;

import java.util.Map;

/** Which service owns which resource type: where remote includes and related routes are fetched from. */
public final class ResourceOwners {

    public static final String EVENT_SERVICE = "event-service";
    public static final String SESSION_SERVICE = "session-service";
    public static final String USER_SERVICE = "user-service";
    public static final String EXPORT_SERVICE = "export-service";
    public static final String STATS_SERVICE = "stats-service";

    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("event", EVENT_SERVICE),
            Map.entry("event-topic", EVENT_SERVICE),
            Map.entry("event-sub-topic", EVENT_SERVICE),
            Map.entry("event-type", EVENT_SERVICE),
            Map.entry("event-copyright", EVENT_SERVICE),
            Map.entry("social-link", EVENT_SERVICE),
            Map.entry("speakers-call", EVENT_SERVICE),
            Map.entry("sponsor", EVENT_SERVICE),
            Map.entry("ticket", EVENT_SERVICE),
            Map.entry("role", EVENT_SERVICE),
            Map.entry("users-events-roles", EVENT_SERVICE),
            Map.entry("role-invite", EVENT_SERVICE),
            Map.entry("group", EVENT_SERVICE),
            Map.entry("user-follow-group", EVENT_SERVICE),
            Map.entry("setting", EVENT_SERVICE),
            Map.entry("page", EVENT_SERVICE),
            Map.entry("event-image-size", EVENT_SERVICE),
            Map.entry("speaker-image-size", EVENT_SERVICE),
            Map.entry("custom-form", EVENT_SERVICE),
            Map.entry("track", SESSION_SERVICE),
            Map.entry("microlocation", SESSION_SERVICE),
            Map.entry("session-type", SESSION_SERVICE),
            Map.entry("speaker", SESSION_SERVICE),
            Map.entry("session", SESSION_SERVICE),
            Map.entry("video-stream", SESSION_SERVICE),
            Map.entry("exhibitor", SESSION_SERVICE),
            Map.entry("feedback", SESSION_SERVICE),
            Map.entry("user-favourite-session", SESSION_SERVICE),
            Map.entry("speaker-invite", SESSION_SERVICE),
            Map.entry("user", USER_SERVICE),
            Map.entry("event-statistics-general", STATS_SERVICE));

    private ResourceOwners() {
    }

    /** The owning service's name, or null for a type nobody serves. */
    public static String ownerOf(String type) {
        return OWNERS.get(type);
    }
}
