package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openevent.common.resource.EventDirectory;
import org.openevent.common.resource.EventFacts;
import org.openevent.common.resource.Ids;
import org.openevent.event.domain.Event;
import org.openevent.event.domain.EventRole;

/** The event directory of the events' owner: its own tables, always current, nothing to refresh. */
@ApplicationScoped
public class OwnedEventDirectory implements EventDirectory {

    @Override
    public Uni<EventFacts> byReference(String reference) {
        Uni<Event> found = Ids.isId(reference) ? Event.findById(Long.parseLong(reference))
                : Event.find("identifier", reference).firstResult();
        return found.map(event -> event == null ? null : facts(event));
    }

    @Override
    public Uni<Map<Long, EventFacts>> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Event.<Event>list("id in ?1", Set.copyOf(ids)).map(events -> {
            Map<Long, EventFacts> facts = new HashMap<>();
            events.forEach(event -> facts.put(event.id, facts(event)));
            return facts;
        });
    }

    @Override
    public Uni<Map<Long, Set<String>>> rolesOf(long userId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return EventRole.<EventRole>list("userId = ?1 and eventId in ?2", userId, Set.copyOf(eventIds)).map(grants -> {
            Map<Long, Set<String>> roles = new HashMap<>();
            grants.forEach(grant -> roles.computeIfAbsent(grant.eventId, id -> new HashSet<>()).add(grant.role));
            return roles;
        });
    }

    @Override
    public Uni<Boolean> refresh(String reference) {
        return Uni.createFrom().item(false);
    }

    @Override
    public String eventsWithRoles(String userPlaceholder, String rolesPlaceholder) {
        return "select r.eventId from EventRole r where r.userId = " + userPlaceholder + " and r.role in "
                + rolesPlaceholder;
    }

    static EventFacts facts(Event e) {
        return new EventFacts(e.id, e.identifier, e.name, e.state, e.privacy, e.timezone, e.startsAt, e.endsAt,
                e.schedulePublishedOn, e.isSessionsSpeakersEnabled, e.isSponsorsEnabled, e.deletedAt, e.version);
    }
}
