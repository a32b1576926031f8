package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.ResourceIdentifier;
import org.openevent.common.jsonapi.ToOneLinkage;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.domain.EventScoped;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.SessionSpeaker;
import org.openevent.session.domain.Speaker;
import org.openevent.session.repository.MicrolocationRepository;
import org.openevent.session.repository.SessionRepository;
import org.openevent.session.repository.SessionSpeakerRepository;
import org.openevent.session.repository.ScheduleVersionRepository;
import org.openevent.session.repository.SessionTypeRepository;
import org.openevent.session.repository.SpeakerRepository;
import org.openevent.session.repository.TrackRepository;
import org.openevent.session.rest.SessionAttributes;
import org.openevent.session.rest.SessionDocument.Relationships;

/**
 * Session rules: proposals by signed-in users for published events, the state machine that separates
 * what organizers and speakers may do, visibility of non-public states, and a snapshot per change.
 */
@ApplicationScoped
public class SessionService {

    public static final String TRACK = "track";
    public static final String MICROLOCATION = "microlocation";
    public static final String SESSION_TYPE = "session-type";
    public static final String SPEAKERS = "speakers";
    public static final Set<String> INCLUDABLE = Set.of(TRACK, MICROLOCATION, SESSION_TYPE, SPEAKERS);

    /** Transitions open to the event's managers; a draft may go anywhere so organizer-made drafts can be used. */
    public static final Map<String, Set<String>> ORGANIZER_TRANSITIONS = Map.of(
            Session.DRAFT, Set.of(Session.PENDING, Session.ACCEPTED, Session.CONFIRMED, Session.REJECTED,
                    Session.CANCELED, Session.WITHDRAWN),
            Session.PENDING, Set.of(Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED, Session.CONFIRMED),
            Session.ACCEPTED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.REJECTED, Session.CONFIRMED,
                    Session.CANCELED),
            Session.CONFIRMED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CANCELED),
            Session.REJECTED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.CONFIRMED),
            Session.CANCELED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CONFIRMED),
            Session.WITHDRAWN, Set.of(Session.PENDING, Session.ACCEPTED, Session.REJECTED, Session.CANCELED));

    /** Transitions open to the session's creator: submit a draft, or withdraw. */
    public static final Map<String, Set<String>> SPEAKER_TRANSITIONS = Map.of(
            Session.DRAFT, Set.of(Session.PENDING),
            Session.PENDING, Set.of(Session.WITHDRAWN),
            Session.ACCEPTED, Set.of(Session.WITHDRAWN),
            Session.CONFIRMED, Set.of(Session.WITHDRAWN),
            Session.REJECTED, Set.of(Session.WITHDRAWN),
            Session.CANCELED, Set.of(Session.WITHDRAWN),
            Session.WITHDRAWN, Set.of());

    private static final String ATTRIBUTES = "/data/attributes/";
    private static final String RELATIONSHIPS = "/data/relationships/";
    private static final String LABEL = "Session";

    private final SessionRepository sessions;
    private final SessionSpeakerRepository links;
    private final SpeakerRepository speakers;
    private final TrackRepository tracks;
    private final MicrolocationRepository microlocations;
    private final SessionTypeRepository sessionTypes;
    private final EventAccessService access;
    private final Outbox outbox;
    private final ScheduleVersionRepository scheduleVersions;

    public SessionService(SessionRepository sessions, SessionSpeakerRepository links, SpeakerRepository speakers,
                          TrackRepository tracks, MicrolocationRepository microlocations,
                          SessionTypeRepository sessionTypes, EventAccessService access, Outbox outbox,
                          ScheduleVersionRepository scheduleVersions) {
        this.scheduleVersions = scheduleVersions;
        this.sessions = sessions;
        this.links = links;
        this.speakers = speakers;
        this.tracks = tracks;
        this.microlocations = microlocations;
        this.sessionTypes = sessionTypes;
        this.access = access;
        this.outbox = outbox;
    }

    /** Creates a session; managers may use any state, others only draft or pending, on a published event. */
    public Uni<SessionGraph> create(CallerIdentity caller, SessionAttributes a, Relationships r) {
        caller.requireUser();
        long eventId = requiredLink(r.event(), "event", "event");
        return Panache.withTransaction(() -> access.forRelationship(caller, eventId).flatMap(event -> {
            boolean manager = event.isManager();
            Session session = new Session();
            session.eventId = eventId;
            session.creatorId = caller.userId();
            session.title = a.title();
            session.state = a.state() == null ? Session.DRAFT : a.state();
            if (!manager && !Session.DRAFT.equals(session.state) && !Session.PENDING.equals(session.state)) {
                throw new ApiException(403, "Access Forbidden",
                        "Only organizers may create a session in state \"" + session.state + "\".",
                        ATTRIBUTES + "state", null);
            }
            session.locked = manager && Boolean.TRUE.equals(a.isLocked());
            applyAttributes(session, a);
            session.trackId = optionalLink(r.track(), TRACK, TRACK);
            session.sessionTypeId = optionalLink(r.sessionType(), SESSION_TYPE, SESSION_TYPE);
            // As in the original server, only managers place sessions in rooms; others' choice is dropped.
            session.microlocationId = manager ? optionalLink(r.microlocation(), MICROLOCATION, MICROLOCATION) : null;
            List<Long> speakerIds = r.speakers() == null ? List.of() : speakerLinks(r);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            session.version = 1;
            session.createdAt = now;
            session.lastModifiedAt = now;
            return checkLinks(event, session.trackId, session.microlocationId, session.sessionTypeId, speakerIds, Set.of())
                    .flatMap(ignored -> sessions.persistAndFlush(session))
                    .flatMap(saved -> links.persistAll(speakerIds.stream().map(id -> SessionSpeaker.of(saved.id, id)).toList()))
                    .flatMap(ignored -> publish(session, speakerIds))
                    .replaceWith(() -> graph(List.of(session), 1, event));
        }));
    }

    /** A session the caller may see: public states for everyone, all states for managers and its creator. */
    public Uni<SessionGraph> get(CallerIdentity caller, long id, Set<String> include) {
        return Panache.withSession(() -> sessions.findById(id).flatMap(session -> {
            if (session == null || session.isDeleted()) {
                throw ApiException.notFound(LABEL);
            }
            return access.forChild(caller, session.eventId, LABEL).flatMap(event -> {
                if (!event.isManager() && !session.isPublic() && !event.isCreator(session.creatorId)) {
                    throw ApiException.notFound(LABEL);
                }
                return expand(List.of(session), 1, event, include);
            });
        }));
    }

    /** A page of an event's sessions as the caller may see them. */
    public Uni<SessionGraph> list(CallerIdentity caller, String eventReference, ListQuery query, Set<String> include) {
        return Panache.withSession(() -> access.forPath(caller, eventReference).flatMap(event -> {
            boolean all = event.isManager();
            boolean trashed = query.trashedRequested() && caller.admin();
            return sessions.visible(event.eventId(), all, caller.userId(), trashed, query)
                    .flatMap(page -> expand(page.items(), page.total(), event, include));
        }));
    }

    /** Applies a PATCH; the creator may edit an unlocked session, managers any, within the state machine. */
    public Uni<SessionGraph> update(CallerIdentity caller, long id, SessionAttributes a, Relationships r) {
        caller.requireUser();
        return Panache.withTransaction(() -> locked(caller, id).flatMap(scoped -> {
            Session session = scoped.entity();
            EventAccess event = scoped.access();
            boolean manager = event.isManager();
            if (a.isLocked() != null && a.isLocked() != session.locked && !manager) {
                throw new ApiException(403, "Access Forbidden", "Only organizers may lock or unlock a session.",
                        ATTRIBUTES + "is-locked", null);
            }
            if (r.event() != null && !Objects.equals(optionalLink(r.event(), "event", "event"), session.eventId)) {
                throw ApiException.unprocessable(RELATIONSHIPS + "event", "A session cannot move to another event.");
            }
            if (a.state() != null && !a.state().equals(session.state)) {
                checkTransition(manager, session.state, a.state());
            }
            Long trackId = r.track() != null ? optionalLink(r.track(), TRACK, TRACK) : session.trackId;
            Long typeId = r.sessionType() != null ? optionalLink(r.sessionType(), SESSION_TYPE, SESSION_TYPE)
                    : session.sessionTypeId;
            Long roomId = manager && r.microlocation() != null
                    ? optionalLink(r.microlocation(), MICROLOCATION, MICROLOCATION) : session.microlocationId;
            return links.forSessions(List.of(session.id)).flatMap(current -> {
                Set<Long> before = current.stream().map(link -> link.speakerId)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                List<Long> after = r.speakers() != null ? speakerLinks(r) : List.copyOf(before);
                // Only what changes is checked, so a later-deleted track does not block unrelated edits.
                return checkLinks(event, changed(trackId, session.trackId), changed(roomId, session.microlocationId),
                        changed(typeId, session.sessionTypeId), after, before)
                        .flatMap(ignored -> {
                            applyAttributes(session, a);
                            session.state = a.state() != null ? a.state() : session.state;
                            session.locked = a.isLocked() != null ? a.isLocked() : session.locked;
                            session.trackId = trackId;
                            session.sessionTypeId = typeId;
                            session.microlocationId = roomId;
                            session.version++;
                            session.lastModifiedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return relink(session.id, before, after);
                        })
                        .flatMap(ignored -> publish(session, after))
                        .replaceWith(() -> graph(List.of(session), 1, event));
            });
        }));
    }

    /** Soft-deletes a session (creator of an unlocked session, or a manager). */
    public Uni<Void> delete(CallerIdentity caller, long id) {
        caller.requireUser();
        return Panache.withTransaction(() -> locked(caller, id).flatMap(scoped -> {
            Session session = scoped.entity();
            return links.forSessions(List.of(session.id)).flatMap(current -> {
                session.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
                session.lastModifiedAt = session.deletedAt;
                session.version++;
                return publish(session, current.stream().map(link -> link.speakerId).toList());
            });
        }));
    }

    private Uni<Scoped<Session>> locked(CallerIdentity caller, long id) {
        return sessions.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(session -> {
            if (session == null || session.isDeleted()) {
                throw ApiException.notFound(LABEL);
            }
            return access.forChild(caller, session.eventId, LABEL).map(event -> {
                if (!event.isManager() && !event.isCreator(session.creatorId)) {
                    throw ApiException.forbidden("Only the session's creator or an organizer may change it.");
                }
                if (!event.isManager() && session.locked) {
                    throw new ApiException(403, "Access Forbidden", "Locked sessions cannot be edited.",
                            ATTRIBUTES + "is-locked", null);
                }
                return new Scoped<>(session, event);
            });
        });
    }

    private static void checkTransition(boolean manager, String from, String to) {
        Map<String, Set<String>> allowed = manager ? ORGANIZER_TRANSITIONS : SPEAKER_TRANSITIONS;
        if (!allowed.getOrDefault(from, Set.of()).contains(to)) {
            throw new ApiException(403, "Access Forbidden",
                    "You cannot change a session state from \"" + from + "\" to \"" + to + "\".",
                    ATTRIBUTES + "state", null);
        }
    }

    private static void applyAttributes(Session s, SessionAttributes a) {
        s.title = orElse(a.title(), s.title);
        s.subtitle = orElse(a.subtitle(), s.subtitle);
        s.shortAbstract = orElse(a.shortAbstract(), s.shortAbstract);
        s.longAbstract = orElse(a.longAbstract(), s.longAbstract);
        s.comments = orElse(a.comments(), s.comments);
        s.language = orElse(a.language(), s.language);
        s.level = orElse(a.level(), s.level);
        s.startsAt = orElse(a.startsAt(), s.startsAt);
        s.endsAt = orElse(a.endsAt(), s.endsAt);
        s.slidesUrl = orElse(a.slidesUrl(), s.slidesUrl);
        s.videoUrl = orElse(a.videoUrl(), s.videoUrl);
        s.audioUrl = orElse(a.audioUrl(), s.audioUrl);
        if (s.startsAt != null && s.endsAt != null && !s.endsAt.isAfter(s.startsAt)) {
            throw ApiException.unprocessable(ATTRIBUTES + "ends-at", "ends-at should be after starts-at.");
        }
    }

    /** Checks that newly linked rows exist, are live and belong to the session's event. */
    private Uni<Void> checkLinks(EventAccess event, Long trackId, Long roomId, Long typeId,
                                 List<Long> speakerIds, Set<Long> previousSpeakers) {
        long eventId = event.eventId();
        return checkOne(tracks, trackId, eventId, TRACK)
                .flatMap(ignored -> checkOne(microlocations, roomId, eventId, MICROLOCATION))
                .flatMap(ignored -> checkOne(sessionTypes, typeId, eventId, SESSION_TYPE))
                .flatMap(ignored -> {
                    List<Long> added = speakerIds.stream().filter(id -> !previousSpeakers.contains(id)).toList();
                    return speakers.liveByIds(added).invoke(found -> {
                        Map<Long, Speaker> byId = found.stream().collect(Collectors.toMap(s -> s.id, s -> s));
                        for (Long id : added) {
                            Speaker speaker = byId.get(id);
                            if (speaker == null || speaker.eventId != eventId) {
                                throw ApiException.unprocessable(RELATIONSHIPS + SPEAKERS,
                                        "Speaker " + id + " is not a speaker of this event.");
                            }
                            if (!event.isManager() && !event.isCreator(speaker.creatorId)) {
                                throw new ApiException(403, "Access Forbidden",
                                        "Only organizers may add speakers created by someone else.",
                                        RELATIONSHIPS + SPEAKERS, null);
                            }
                        }
                    });
                })
                .replaceWithVoid();
    }

    private static <E extends EventScoped> Uni<Void> checkOne(PanacheRepositoryBase<E, Long> repository, Long id,
                                                             long eventId, String relationship) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return repository.findById(id).invoke(found -> {
            if (found == null || found.isDeleted() || found.eventId != eventId) {
                throw ApiException.unprocessable(RELATIONSHIPS + relationship,
                        "No " + relationship + " " + id + " in this event.");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> relink(long sessionId, Set<Long> before, List<Long> after) {
        List<Long> removed = before.stream().filter(id -> !after.contains(id)).toList();
        List<SessionSpeaker> added = after.stream().filter(id -> !before.contains(id))
                .map(id -> SessionSpeaker.of(sessionId, id)).toList();
        Uni<Long> removal = removed.isEmpty() ? Uni.createFrom().item(0L)
                : links.delete("sessionId = ?1 and speakerId in ?2", sessionId, removed);
        return removal.flatMap(ignored -> links.persistAll(added));
    }

    private Uni<Void> publish(Session s, List<Long> speakerIds) {
        s.wasPublic = s.wasPublic || s.isPublic();
        if (s.submittedAt == null && !Session.DRAFT.equals(s.state)) {
            s.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return scheduleVersions.next(s.eventId).flatMap(scheduleVersion -> {
            SessionPayload payload = new SessionPayload(s.id, s.eventId, scheduleVersion, s.title, s.subtitle,
                    s.shortAbstract, s.longAbstract, s.language, s.level, s.state, s.wasPublic, s.startsAt, s.endsAt,
                    s.trackId, s.microlocationId, s.sessionTypeId, List.copyOf(speakerIds), s.creatorId, s.createdAt,
                    s.submittedAt, s.deletedAt);
            return outbox.publish(Topics.SESSIONS, MessageTypes.SESSION_UPSERTED, "session", s.id, s.version, payload);
        });
    }

    /** Loads the requested related rows of a page: one query per relationship, whatever the page size. */
    private Uni<SessionGraph> expand(List<Session> page, long total, EventAccess event, Set<String> include) {
        SessionGraph empty = new SessionGraph(page, total, event, include, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());
        if (page.isEmpty() || include.isEmpty()) {
            return Uni.createFrom().item(empty);
        }
        Uni<Map<Long, List<Long>>> speakerIds = include.contains(SPEAKERS)
                ? links.forSessions(page.stream().map(s -> s.id).toList()).map(found -> found.stream()
                        .collect(Collectors.groupingBy(link -> link.sessionId, LinkedHashMap::new,
                                Collectors.mapping(link -> link.speakerId, Collectors.toList()))))
                : Uni.createFrom().item(Map.of());
        return speakerIds.flatMap(bySession -> {
            Set<Long> wanted = bySession.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            return speakers.liveByIds(wanted).map(found -> byId(found, s -> s.id))
                    .flatMap(speakerRows -> related(tracks, include, TRACK, page, s -> s.trackId)
                            .flatMap(trackRows -> related(microlocations, include, MICROLOCATION, page,
                                    s -> s.microlocationId)
                                    .flatMap(roomRows -> related(sessionTypes, include, SESSION_TYPE, page,
                                            s -> s.sessionTypeId)
                                            .map(typeRows -> new SessionGraph(page, total, event, include, bySession,
                                                    speakerRows, trackRows, roomRows, typeRows)))));
        });
    }

    private static <E extends EventScoped> Uni<Map<Long, E>> related(PanacheRepositoryBase<E, Long> repository,
                                                                    Set<String> include, String name,
                                                                    List<Session> page,
                                                                    Function<Session, Long> foreignKey) {
        if (!include.contains(name)) {
            return Uni.createFrom().item(Map.of());
        }
        Set<Long> ids = page.stream().map(foreignKey).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return repository.list("id in ?1 and deletedAt is null", ids).map(found -> byId(found, e -> e.id));
    }

    private static SessionGraph graph(List<Session> sessions, long total, EventAccess event) {
        return new SessionGraph(sessions, total, event, Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static <E> Map<Long, E> byId(Collection<E> rows, ToLongFunction<E> id) {
        Map<Long, E> map = new HashMap<>();
        rows.forEach(row -> map.put(id.applyAsLong(row), row));
        return map;
    }

    private static List<Long> speakerLinks(Relationships r) {
        if (r.speakers().data() == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (ResourceIdentifier linkage : r.speakers().data()) {
            if (!"speaker".equals(linkage.type())) {
                throw new ApiException(409, "Incorrect type", "Expected type 'speaker'.",
                        RELATIONSHIPS + SPEAKERS + "/data/type", null);
            }
            long id = linkage.numericId(SPEAKERS);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Long optionalLink(ToOneLinkage linkage, String name, String type) {
        if (linkage == null || linkage.data() == null) {
            return null;
        }
        if (!type.equals(linkage.data().type())) {
            throw new ApiException(409, "Incorrect type", "Expected type '" + type + "'.",
                    RELATIONSHIPS + name + "/data/type", null);
        }
        return linkage.data().numericId(name);
    }

    private static long requiredLink(ToOneLinkage linkage, String name, String type) {
        Long id = optionalLink(linkage, name, type);
        if (id == null) {
            throw ApiException.unprocessable(RELATIONSHIPS + name, "Missing data for required field.");
        }
        return id;
    }

    private static Long changed(Long next, Long current) {
        return Objects.equals(next, current) ? null : next;
    }


    private static <T> T orElse(T value, T current) {
        return value != null ? value : current;
    }
}
