package org.openevent.export;

import java.time.OffsetDateTime;
import java.util.List;
import org.openevent.common.contract.EventPayload;

/** Event snapshots for this module's tests: a published event with the fields the tests vary. */
public final class EventFixtures {

    private EventFixtures() {
    }

    public static EventPayload published(long id, String identifier, String name, String description,
                                         OffsetDateTime start, OffsetDateTime end, String timezone, String location,
                                         Double latitude, Double longitude, List<EventPayload.RoleGrant> roles) {
        return event(id, identifier, name, description, "published", null, start, end, timezone, location, latitude,
                longitude, roles, null);
    }

    /** Any event: its state, when its schedule was published (null: not yet) and its deletion. */
    public static EventPayload event(long id, String identifier, String name, String description, String state,
                                     OffsetDateTime schedulePublishedOn, OffsetDateTime start, OffsetDateTime end,
                                     String timezone, String location, Double latitude, Double longitude,
                                     List<EventPayload.RoleGrant> roles, OffsetDateTime deletedAt) {
        return new EventPayload(id, identifier, name, description, state, "public", start, end, timezone,
                location, latitude, longitude, false, null, null, null, null, schedulePublishedOn, true, false, null,
                null, null, null, start, roles, deletedAt);
    }

    /** A draft owned by the given grants: only they may know it exists. */
    public static EventPayload draft(long id, String identifier, OffsetDateTime start, OffsetDateTime end,
                                     List<EventPayload.RoleGrant> roles) {
        return new EventPayload(id, identifier, "Draft", null, "draft", "public", start, end, "Europe/Berlin", null,
                null, null, false, null, null, null, null, null, true, false, null, null, null, null, start, roles, null);
    }
}
