package org.openevent.common.resource;

import java.util.Set;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.security.CallerIdentity;

/**
 * Who is asking and what they are to the event in question (null for resources outside any event): the
 * vocabulary every authorization rule is written in. "Staff" are platform admins.
 */
public record Access(CallerIdentity caller, EventFacts event, Set<String> roles) {

    public static Access global(CallerIdentity caller) {
        return new Access(caller, null, Set.of());
    }

    public boolean isSignedIn() {
        return caller.userId() != null;
    }

    public boolean isStaff() {
        return caller.admin();
    }

    public boolean isOwner() {
        return isStaff() || roles.contains(Roles.OWNER);
    }

    /** Owner or organizer (or staff). */
    public boolean isOrganizer() {
        return isOwner() || roles.contains(Roles.ORGANIZER);
    }

    /** Owner, organizer or co-organizer (or staff): what the original calls co-organizer access. */
    public boolean isCoorganizer() {
        return isOrganizer() || roles.contains(Roles.COORGANIZER);
    }

    public boolean isTrackOrganizer() {
        return isCoorganizer() || roles.contains(Roles.TRACK_ORGANIZER);
    }

    /** Holds any role on the event, or is staff. */
    public boolean hasAnyRole() {
        return isStaff() || !roles.isEmpty();
    }

    /** True when {@code userId} is the caller. */
    public boolean isSelf(Long userId) {
        return userId != null && userId.equals(caller.userId());
    }

    /** The event exists for this caller: not deleted, and published unless the caller works on it. */
    public boolean eventVisible() {
        return event != null && !event.isDeleted() && (event.isPublished() || hasAnyRole());
    }

    public long eventId() {
        return event.id();
    }

    /** The caller's user id, or a 401 that says why there is none. */
    public long requireUser() {
        return caller.requireUser();
    }

    /** Passes for co-organizer access, otherwise a 403 with the original's wording. */
    public void requireCoorganizer() {
        requireUser();
        if (!isCoorganizer()) {
            throw ApiException.forbidden("Co-organizer access is required.");
        }
    }

    /** Passes for organizer access, otherwise a 403 with the original's wording. */
    public void requireOrganizer() {
        requireUser();
        if (!isOrganizer()) {
            throw ApiException.forbidden("Organizer access is required.");
        }
    }

    public void requireAdmin() {
        caller.requireAdmin();
    }
}
