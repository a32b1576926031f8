package org.openevent.event.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.QueryPage;
import org.openevent.common.jsonapi.WriteDocument;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.security.CallerIdentity;
import org.openevent.event.domain.Event;
import org.openevent.event.domain.EventRole;
import org.openevent.event.repository.EventRepository;
import org.openevent.event.repository.EventRoleRepository;
import org.openevent.event.rest.EventAttributes;

/** Event rules: who may see and change an event, validation across fields, and publishing snapshots. */
@ApplicationScoped
public class EventService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ATTRIBUTES = "/data/attributes/";

    private final EventRepository events;
    private final EventRoleRepository roles;
    private final Outbox outbox;

    public EventService(EventRepository events, EventRoleRepository roles, Outbox outbox) {
        this.events = events;
        this.roles = roles;
        this.outbox = outbox;
    }

    /** A page of visible events and the total count. */
    @WithSession
    public Uni<QueryPage<Event>> list(CallerIdentity caller, ListQuery query, boolean trashed) {
        // get_trashed is honoured for admins only; the original applied it to anyone.
        boolean withTrashed = trashed && caller.admin();
        return events.listVisible(caller.userId(), caller.admin(), withTrashed, query);
    }

    /** An event the caller may see; drafts are visible to their organizers and admins only. */
    @WithSession
    public Uni<Event> get(CallerIdentity caller, String reference, boolean trashed) {
        return events.findByReference(reference, trashed && caller.admin())
                .flatMap(event -> {
                    if (event == null) {
                        return Uni.createFrom().failure(ApiException.notFound("Event"));
                    }
                    if (Event.PUBLISHED.equals(event.state) || caller.admin()) {
                        return Uni.createFrom().item(event);
                    }
                    return roles.forEvent(event.id).map(grants -> {
                        if (roleOf(grants, caller) == null) {
                            throw ApiException.notFound("Event");
                        }
                        return event;
                    });
                });
    }

    /** Creates an event owned by the caller. */
    @WithTransaction
    public Uni<Event> create(CallerIdentity caller, EventAttributes attributes) {
        long owner = caller.requireUser();
        Event event = new Event();
        event.name = attributes.name();
        event.startsAt = attributes.startsAt();
        event.endsAt = attributes.endsAt();
        event.timezone = validZone(attributes.timezone());
        event.description = attributes.description();
        event.locationName = attributes.locationName();
        event.latitude = attributes.latitude();
        event.longitude = attributes.longitude();
        event.externalEventUrl = attributes.externalEventUrl();
        event.state = attributes.state() == null ? Event.DRAFT : attributes.state();
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.version = 1;
        checkRange(event);
        return uniqueIdentifier()
                .invoke(identifier -> event.identifier = identifier)
                .flatMap(ignored -> events.persistAndFlush(event))
                .flatMap(saved -> roles.persist(EventRole.of(saved.id, owner, EventRole.OWNER)))
                .flatMap(grant -> publish(event, List.of(grant)))
                .replaceWith(event);
    }

    /** Applies the given attributes; only owners, organizers, co-organizers and admins may. */
    @WithTransaction
    public Uni<Event> update(CallerIdentity caller, String reference, String bodyId, EventAttributes attributes) {
        caller.requireUser();
        return events.findByReference(reference)
                .flatMap(event -> {
                    if (event == null) {
                        return Uni.createFrom().failure(ApiException.notFound("Event"));
                    }
                    WriteDocument.checkId(bodyId, event.id);
                    return roles.forEvent(event.id).flatMap(grants -> {
                        requireManager(caller, grants);
                        apply(event, attributes);
                        event.version++;
                        return publish(event, grants).replaceWith(event);
                    });
                });
    }

    /**
     * Soft-deletes an event; only its owner or an admin may. With {@code permanent} (admins only) the row
     * and its roles are removed; either way consumers get a final snapshot with {@code deletedAt} set.
     */
    @WithTransaction
    public Uni<Void> delete(CallerIdentity caller, String reference, boolean permanent) {
        caller.requireUser();
        return events.findByReference(reference, permanent && caller.admin())
                .flatMap(event -> {
                    if (event == null) {
                        return Uni.createFrom().failure(ApiException.notFound("Event"));
                    }
                    return roles.forEvent(event.id).flatMap(grants -> {
                        if (!caller.admin() && !EventRole.OWNER.equals(roleOf(grants, caller))) {
                            throw ApiException.forbidden("Only the owner may delete an event.");
                        }
                        if (permanent && !caller.admin()) {
                            throw ApiException.forbidden("Only admins may delete an event permanently.");
                        }
                        if (event.deletedAt == null) {
                            event.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
                        }
                        event.version++;
                        Uni<Void> published = publish(event, grants);
                        return permanent
                                ? published.flatMap(ignored -> roles.delete("eventId", event.id))
                                        .flatMap(ignored -> events.delete(event))
                                : published;
                    });
                });
    }

    private void apply(Event event, EventAttributes a) {
        if (a.name() != null) {
            event.name = a.name();
        }
        if (a.description() != null) {
            event.description = a.description();
        }
        if (a.startsAt() != null) {
            event.startsAt = a.startsAt();
        }
        if (a.endsAt() != null) {
            event.endsAt = a.endsAt();
        }
        if (a.timezone() != null) {
            event.timezone = validZone(a.timezone());
        }
        if (a.locationName() != null) {
            event.locationName = a.locationName();
        }
        if (a.latitude() != null) {
            event.latitude = a.latitude();
        }
        if (a.longitude() != null) {
            event.longitude = a.longitude();
        }
        if (a.externalEventUrl() != null) {
            event.externalEventUrl = a.externalEventUrl();
        }
        if (a.state() != null) {
            event.state = a.state();
        }
        checkRange(event);
    }

    private Uni<Void> publish(Event event, List<EventRole> grants) {
        EventPayload payload = new EventPayload(event.id, event.identifier, event.name, event.description,
                event.state, event.startsAt, event.endsAt, event.timezone, event.locationName, event.latitude,
                event.longitude, event.externalEventUrl,
                grants.stream().map(g -> new EventPayload.RoleGrant(g.userId, g.role)).toList(), event.deletedAt);
        return outbox.publish(Topics.EVENTS, MessageTypes.EVENT_UPSERTED, "event", event.id, event.version, payload);
    }

    private Uni<String> uniqueIdentifier() {
        String candidate = HexFormat.of().formatHex(randomBytes());
        if (candidate.chars().allMatch(Character::isDigit)) {
            return uniqueIdentifier();
        }
        return events.identifierTaken(candidate).flatMap(taken -> taken ? uniqueIdentifier() : Uni.createFrom().item(candidate));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void requireManager(CallerIdentity caller, List<EventRole> grants) {
        if (!caller.admin() && roleOf(grants, caller) == null) {
            throw ApiException.forbidden("You are not an organizer of this event.");
        }
    }

    static String roleOf(List<EventRole> grants, CallerIdentity caller) {
        if (caller.userId() == null) {
            return null;
        }
        return grants.stream().filter(g -> g.userId == caller.userId()).map(g -> g.role).findFirst().orElse(null);
    }

    private static void checkRange(Event event) {
        if (!event.endsAt.isAfter(event.startsAt)) {
            throw ApiException.unprocessable(ATTRIBUTES + "ends-at", "ends-at should be after starts-at.");
        }
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.unprocessable(ATTRIBUTES + "timezone", "Unknown timezone '" + zone + "'.");
        }
    }

}
