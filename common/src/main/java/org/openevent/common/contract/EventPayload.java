package org.openevent.common.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Snapshot of an event as other services may know it, published on every change (including role grants and
 * soft deletion via {@code deletedAt}). Private settings (payment details, e-mail addresses) never travel.
 */
public record EventPayload(long id, String identifier, String name, String description, String state,
                           String privacy, OffsetDateTime startsAt, OffsetDateTime endsAt, String timezone,
                           String locationName, Double latitude, Double longitude, boolean online,
                           String externalEventUrl, String logoUrl, String originalImageUrl, String ownerName,
                           OffsetDateTime schedulePublishedOn, boolean sessionsSpeakersEnabled,
                           boolean sponsorsEnabled, Long eventTypeId, Long eventTopicId, Long eventSubTopicId,
                           Long groupId, OffsetDateTime createdAt, List<RoleGrant> roles, OffsetDateTime deletedAt) {

    /** One user's role on the event ({@code owner}, {@code organizer}, {@code coorganizer}, ...). */
    public record RoleGrant(long userId, String role) {
    }
}
