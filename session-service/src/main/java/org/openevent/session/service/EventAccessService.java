package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.domain.Event;
import org.openevent.session.repository.EventRepository;
import org.openevent.session.repository.EventRoleRepository;

/**
 * Resolves an event of the local projection together with the caller's role on it. Unknown, deleted and
 * (for callers without a role) unpublished events are all reported the same way, so drafts stay hidden.
 * Must run inside an open reactive session.
 */
@ApplicationScoped
public class EventAccessService {

    private final EventRepository events;
    private final EventRoleRepository roles;

    public EventAccessService(EventRepository events, EventRoleRepository roles) {
        this.events = events;
        this.roles = roles;
    }

    /** The event named by a path segment (numeric id or identifier); 404 naming the parameter otherwise. */
    public Uni<EventAccess> forPath(CallerIdentity caller, String reference) {
        String parameter = reference.matches("\\d{1,18}") ? "event_id" : "event_identifier";
        return events.findByReference(reference)
                .flatMap(event -> withRole(caller, event))
                .map(access -> {
                    if (!access.isVisible()) {
                        throw new ApiException(404, "Not Found", "Event not found.", null, parameter);
                    }
                    return access;
                });
    }

    /** The event linked from a request body; 422 pointing at the {@code event} relationship otherwise. */
    public Uni<EventAccess> forRelationship(CallerIdentity caller, long eventId) {
        return events.findById(eventId)
                .flatMap(event -> withRole(caller, event))
                .map(access -> {
                    if (!access.isVisible()) {
                        throw ApiException.unprocessable("/data/relationships/event", "Event not found.");
                    }
                    return access;
                });
    }

    /** The event owning an existing child; when it is not visible the child itself is reported missing. */
    public Uni<EventAccess> forChild(CallerIdentity caller, long eventId, String childLabel) {
        return events.findById(eventId)
                .flatMap(event -> withRole(caller, event))
                .map(access -> {
                    if (!access.isVisible()) {
                        throw ApiException.notFound(childLabel);
                    }
                    return access;
                });
    }

    private Uni<EventAccess> withRole(CallerIdentity caller, Event event) {
        if (event == null || caller.userId() == null) {
            return Uni.createFrom().item(new EventAccess(event, null, caller));
        }
        return roles.roleOf(event.id, caller.userId()).map(role -> new EventAccess(event, role, caller));
    }
}
