package org.openevent.common.contract;

import java.time.OffsetDateTime;
import java.util.List;

/** Snapshot of an event, published on every change (including soft deletion via {@code deletedAt}). */
public record EventPayload(long id, String identifier, String name, String description, String state,
                           OffsetDateTime startsAt, OffsetDateTime endsAt, String timezone, String locationName,
                           Double latitude, Double longitude, String externalEventUrl,
                           List<RoleGrant> roles, OffsetDateTime deletedAt) {

    /** One user's role on the event: {@code owner}, {@code organizer} or {@code coorganizer}. */
    public record RoleGrant(long userId, String role) {
    }
}
