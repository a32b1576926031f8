package org.openevent.common.resource;

import java.time.OffsetDateTime;

/**
 * What every service needs to know about an event to decide access to it and to its children, whether it owns
 * the event (event-service) or keeps a projection of it.
 */
public record EventFacts(long id, String identifier, String name, String state, String privacy, String timezone,
                         OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime schedulePublishedOn,
                         boolean sessionsSpeakersEnabled, boolean sponsorsEnabled, OffsetDateTime deletedAt,
                         long version) {

    public static final String PUBLISHED = "published";

    public boolean isPublished() {
        return PUBLISHED.equals(state);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
