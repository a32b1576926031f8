package org.openevent.common.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.resource.EventDirectory;
import org.openevent.common.resource.EventFacts;
import org.openevent.common.resource.Ids;

/**
 * The event directory of services that do not own events: their projection, refreshed from event-service's
 * current snapshot on demand through the same version-gated path as the Kafka consumer.
 */
@ApplicationScoped
@DefaultBean
public class ProjectedEventDirectory implements EventDirectory {

    private final EventOwner owner;
    private final EventProjection projection;
    private final ObjectMapper mapper;

    public ProjectedEventDirectory(EventOwner owner, EventProjection projection, ObjectMapper mapper) {
        this.owner = owner;
        this.projection = projection;
        this.mapper = mapper;
    }

    @Override
    public Uni<EventFacts> byReference(String reference) {
        Uni<ProjectedEvent> found = Ids.isId(reference)
                ? ProjectedEvent.findById(Long.parseLong(reference))
                : ProjectedEvent.find("identifier", reference).firstResult();
        return found.map(event -> event == null || event.identifier == null ? null : event.facts());
    }

    @Override
    public Uni<Map<Long, EventFacts>> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ProjectedEvent.<ProjectedEvent>list("id in ?1 and identifier is not null", Set.copyOf(ids))
                .map(events -> {
                    Map<Long, EventFacts> facts = new HashMap<>();
                    events.forEach(event -> facts.put(event.id, event.facts()));
                    return facts;
                });
    }

    @Override
    public Uni<Map<Long, Set<String>>> rolesOf(long userId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ProjectedEventRole.<ProjectedEventRole>list("userId = ?1 and eventId in ?2", userId, Set.copyOf(eventIds))
                .map(grants -> {
                    Map<Long, Set<String>> roles = new HashMap<>();
                    grants.forEach(grant -> roles.computeIfAbsent(grant.eventId, id -> new HashSet<>()).add(grant.role));
                    return roles;
                });
    }

    @Override
    public Uni<Boolean> refresh(String reference) {
        if (!Ids.isId(reference) && !reference.matches("[A-Za-z0-9_-]{1,64}")) {
            return Uni.createFrom().item(false);
        }
        return owner.snapshot(reference).flatMap(envelope -> {
            if (envelope == null || !MessageTypes.EVENT_UPSERTED.equals(envelope.type())) {
                return Uni.createFrom().item(false);
            }
            EventPayload payload = mapper.convertValue(envelope.payload(), EventPayload.class);
            return Transactions.run(() -> projection.apply(payload, envelope.aggregateVersion()));
        });
    }

    @Override
    public String eventsWithRoles(String userPlaceholder, String rolesPlaceholder) {
        return "select r.eventId from ProjectedEventRole r where r.userId = " + userPlaceholder
                + " and r.role in " + rolesPlaceholder;
    }
}
