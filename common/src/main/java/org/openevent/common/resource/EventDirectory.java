package org.openevent.common.resource;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where a service looks events and event roles up: event-service reads its own tables, every other service its
 * projection, which asks event-service (the owner) whenever it lacks what a request needs. Calls run inside an
 * open reactive session.
 */
public interface EventDirectory {

    /** The event named by a path segment (numeric id or identifier), or null when there is none. */
    Uni<EventFacts> byReference(String reference);

    /** The known events among {@code ids}. */
    Uni<Map<Long, EventFacts>> byIds(Collection<Long> ids);

    /** The roles {@code userId} holds on each of the events (events without roles are absent). */
    Uni<Map<Long, Set<String>>> rolesOf(long userId, Collection<Long> eventIds);

    /**
     * Brings the local view of an event (by id or identifier) up to the owner's current state. Returns whether
     * anything changed; the owner itself has nothing to refresh.
     */
    Uni<Boolean> refresh(String reference);

    /**
     * An HQL subquery selecting the ids of events on which the user bound to {@code userPlaceholder} holds one of
     * the roles bound to {@code rolesPlaceholder}.
     */
    String eventsWithRoles(String userPlaceholder, String rolesPlaceholder);
}
