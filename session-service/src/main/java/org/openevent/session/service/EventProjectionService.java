package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.session.domain.Event;
import org.openevent.session.domain.EventRole;
import org.openevent.session.repository.EventRepository;
import org.openevent.session.repository.EventRoleRepository;

/**
 * Keeps the local copy of events and their organizer roles. Runs inside the consumer's transaction;
 * a snapshot older than (or as old as) the stored one is ignored.
 */
@ApplicationScoped
public class EventProjectionService {

    private static final Logger LOG = Logger.getLogger(EventProjectionService.class);

    private final EventRepository events;
    private final EventRoleRepository roles;

    public EventProjectionService(EventRepository events, EventRoleRepository roles) {
        this.events = events;
        this.roles = roles;
    }

    public Uni<Void> apply(EventPayload payload, long version) {
        return events.findById(payload.id(), LockModeType.PESSIMISTIC_WRITE).flatMap(current -> {
            if (current != null && !IdempotentConsumer.isNewer(current.version, version)) {
                LOG.debugf("Ignoring stale snapshot %d of event %d (have %d)", version, payload.id(), current.version);
                return Uni.createFrom().voidItem();
            }
            Event event = current != null ? current : new Event();
            event.id = payload.id();
            event.identifier = payload.identifier();
            event.name = payload.name();
            event.state = payload.state() == null ? "draft" : payload.state();
            event.timezone = payload.timezone();
            event.startsAt = payload.startsAt();
            event.endsAt = payload.endsAt();
            event.deletedAt = payload.deletedAt();
            event.version = version;
            Uni<Event> saved = current != null ? Uni.createFrom().item(event) : events.persistAndFlush(event);
            List<EventRole> grants = grants(event.id, payload.roles());
            return saved.flatMap(ignored -> roles.deleteForEvent(event.id))
                    .flatMap(ignored -> grants.isEmpty() ? Uni.createFrom().voidItem() : roles.persist(grants));
        });
    }

    /** One grant per user; the upstream guarantees that already, the unique key here insists on it. */
    private static List<EventRole> grants(long eventId, List<EventPayload.RoleGrant> grants) {
        Map<Long, EventRole> byUser = new LinkedHashMap<>();
        if (grants != null) {
            for (EventPayload.RoleGrant grant : grants) {
                if (grant != null && grant.role() != null) {
                    byUser.putIfAbsent(grant.userId(), EventRole.of(eventId, grant.userId(), grant.role()));
                }
            }
        }
        return List.copyOf(byUser.values());
    }
}
