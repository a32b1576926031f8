package org.openevent.session.service;

import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.domain.Event;

/**
 * What the caller may do on one event: managers (owner, organizer, coorganizer, admin) may do anything,
 * everyone else may read a published event's public programme.
 */
public record EventAccess(Event event, String role, CallerIdentity caller) {

    public boolean isManager() {
        return caller.admin() || role != null;
    }

    public boolean isVisible() {
        return event != null && event.deletedAt == null && (event.isPublished() || isManager());
    }

    /** True when the caller is the signed-in user who created something with this creator id. */
    public boolean isCreator(Long creatorId) {
        return creatorId != null && creatorId.equals(caller.userId());
    }

    public void requireManager() {
        if (!isManager()) {
            throw ApiException.forbidden("Co-organizer access is required.");
        }
    }

    public long eventId() {
        return event.id;
    }
}
