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
     * Upcoming events for the home page, as the original selects them: published, public, not yet started, and
     * either promoted or not demoted and complete: images, logo, type, topic and sub-topic, a visible ticket still
     * on sale with stock (no orders exist here, so stock is a positive quantity), and a twitter social link.
     */
    public static String upcoming(OffsetDateTime now, Binder binder) {
        String at = binder.apply(now);
        return "x.state = 'published' and x.privacy = 'public' and x.startsAt > " + at + " and x.endsAt > " + at
                + " and (x.isPromoted = true or (x.isDemoted = false and x.originalImageUrl is not null"
                + " and x.logoUrl is not null and x.eventTypeId is not null and x.eventTopicId is not null"
                + " and x.eventSubTopicId is not null"
                + " and exists (select 1 from Ticket t where t.eventId = x.id and t.deletedAt is null"
                + " and t.isHidden = false and t.salesEndsAt > " + at + " and t.quantity > 0)"
                + " and exists (select 1 from SocialLink s where s.eventId = x.id and s.deletedAt is null"
                + " and s.name = 'twitter')))";
    }
}
