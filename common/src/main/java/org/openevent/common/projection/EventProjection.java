package org.openevent.common.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.resource.Roles;

/**
 * Applies event snapshots to a service's event projection. The one code path for snapshots from Kafka and from
 * the owner's internal endpoint: validated the same way, serialized by a row lock, and applied only when newer,
 * so whichever arrives second is a no-op. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class EventProjection {

    private final Instance<EventSnapshotApplied> listeners;

    public EventProjection(@Any Instance<EventSnapshotApplied> listeners) {
        this.listeners = listeners;
    }

    /** Applies the snapshot unless the projection already holds this version or a newer one; true if applied. */
    public Uni<Boolean> apply(EventPayload payload, long version) {
        check(payload, version);
        // A placeholder row first, so that two concurrent first snapshots serialize on the row lock below
        // instead of one of them failing on the primary key.
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "INSERT INTO event_projection (id, version) VALUES (:id, 0) ON CONFLICT DO NOTHING")
                        .setParameter("id", payload.id())
                        .executeUpdate()
                        .flatMap(ignored -> session.find(ProjectedEvent.class, payload.id(),
                                LockModeType.PESSIMISTIC_WRITE)))
                .flatMap(current -> {
                    if (current.version >= version) {
                        return Uni.createFrom().item(false);
                    }
                    ProjectedEvent before = place(current);
                    copy(payload, version, current);
                    Uni<Void> chain = ProjectedEventRole.delete("eventId", payload.id())
                            .flatMap(ignored -> grants(payload).isEmpty() ? Uni.createFrom().voidItem()
                                    : ProjectedEventRole.persist(grants(payload)));
                    for (EventSnapshotApplied listener : listeners) {
                        chain = chain.flatMap(ignored -> listener.applied(before, current));
                    }
                    return chain.replaceWith(true);
                });
    }

    /** A detached copy of what listeners compare: identity, place and state. */
    private static ProjectedEvent place(ProjectedEvent row) {
        ProjectedEvent copy = new ProjectedEvent();
        copy.id = row.id;
        copy.version = row.version;
        copy.identifier = row.identifier;
        copy.name = row.name;
        copy.state = row.state;
        copy.privacy = row.privacy;
        copy.timezone = row.timezone;
        copy.locationName = row.locationName;
        copy.latitude = row.latitude;
        copy.longitude = row.longitude;
        copy.schedulePublishedOn = row.schedulePublishedOn;
        copy.deletedAt = row.deletedAt;
        return copy;
    }

    private static void copy(EventPayload p, long version, ProjectedEvent event) {
        event.identifier = p.identifier();
        event.name = p.name();
        event.description = p.description();
        event.state = p.state();
        event.privacy = p.privacy();
        event.timezone = p.timezone();
        event.startsAt = p.startsAt();
        event.endsAt = p.endsAt();
        event.locationName = p.locationName();
        event.latitude = p.latitude();
        event.longitude = p.longitude();
        event.ownerName = p.ownerName();
        event.schedulePublishedOn = p.schedulePublishedOn();
        event.sessionsSpeakersEnabled = p.sessionsSpeakersEnabled();
        event.sponsorsEnabled = p.sponsorsEnabled();
        event.eventTypeId = p.eventTypeId();
        event.eventTopicId = p.eventTopicId();
        event.createdAt = p.createdAt();
        event.deletedAt = p.deletedAt();
        event.version = version;
        event.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** One grant per (user, role); unknown role names are dropped rather than trusted. */
    private static List<ProjectedEventRole> grants(EventPayload payload) {
        Set<String> seen = new LinkedHashSet<>();
        return (payload.roles() == null ? List.<EventPayload.RoleGrant>of() : payload.roles()).stream()
                .filter(grant -> grant != null && Roles.ALL.contains(grant.role()))
                .filter(grant -> seen.add(grant.userId() + "/" + grant.role()))
                .map(grant -> ProjectedEventRole.of(payload.id(), grant.userId(), grant.role()))
                .toList();
    }

    private static void check(EventPayload payload, long version) {
        if (payload.id() <= 0 || version <= 0) {
            throw new PoisonMessageException("Event snapshot without id or version", null);
        }
        if (payload.identifier() == null || payload.identifier().isBlank() || payload.identifier().length() > 64) {
            throw new PoisonMessageException("Event snapshot " + payload.id() + " has no valid identifier", null);
        }
        if (!"draft".equals(payload.state()) && !"published".equals(payload.state())) {
            throw new PoisonMessageException("Event snapshot " + payload.id() + " has state " + payload.state(), null);
        }
    }
}
