package org.openevent.event.service;

import java.time.OffsetDateTime;
import org.openevent.common.resource.Binder;
import org.openevent.common.security.CallerIdentity;

/** HQL conditions (alias {@code x}) of the event lists that are not plain collections. */
public final class EventQueries {

    private EventQueries() {
    }

    /** "My events": those where the caller holds any role; every event for admins, as in the original. */
    public static String withRole(CallerIdentity caller, Binder binder) {
        long user = caller.requireUser();
        return caller.admin() ? "1 = 1"
                : "x.id in (select r.eventId from EventRole r where r.userId = " + binder.apply(user) + ")";
    }

    /**
     * Upcoming events for the home page: published, public, not yet started, and either promoted or not demoted
     * and complete (images, logo, type, topic and sub-topic), as the original selects them.
     */
    public static String upcoming(OffsetDateTime now, Binder binder) {
        return "x.state = 'published' and x.privacy = 'public' and x.startsAt > " + binder.apply(now)
                + " and (x.isPromoted = true or (x.isDemoted = false and x.originalImageUrl is not null"
                + " and x.logoUrl is not null and x.eventTypeId is not null and x.eventTopicId is not null"
                + " and x.eventSubTopicId is not null))";
    }
}
