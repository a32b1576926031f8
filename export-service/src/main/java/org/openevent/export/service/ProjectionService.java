package org.openevent.export.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.SessionTypePayload;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.export.domain.Event;
import org.openevent.export.domain.EventRole;
import org.openevent.export.domain.Microlocation;
import org.openevent.export.domain.Session;
import org.openevent.export.domain.SessionSpeaker;
import org.openevent.export.domain.SessionType;
import org.openevent.export.domain.Speaker;
import org.openevent.export.domain.Track;
import org.openevent.export.repository.EventRepository;
import org.openevent.export.repository.EventRoleRepository;
import org.openevent.export.repository.MicrolocationRepository;
import org.openevent.export.repository.SessionRepository;
import org.openevent.export.repository.SessionSpeakerRepository;
import org.openevent.export.repository.SessionTypeRepository;
import org.openevent.export.repository.SpeakerRepository;
import org.openevent.export.repository.TrackRepository;

/**
 * Keeps the local copies of events and schedules up to date from snapshots. Runs inside the idempotent
 * consumer's transaction; a snapshot older than the stored version is ignored, deletion is a snapshot
 * with {@code deletedAt}.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    private final IdempotentConsumer consumer;
    private final EventRepository events;
    private final EventRoleRepository roles;
    private final TrackRepository tracks;
    private final MicrolocationRepository rooms;
    private final SessionTypeRepository sessionTypes;
    private final SpeakerRepository speakers;
    private final SessionRepository sessions;
    private final SessionSpeakerRepository sessionSpeakers;

    public ProjectionService(IdempotentConsumer consumer, EventRepository events, EventRoleRepository roles,
                             TrackRepository tracks, MicrolocationRepository rooms,
                             SessionTypeRepository sessionTypes, SpeakerRepository speakers,
                             SessionRepository sessions, SessionSpeakerRepository sessionSpeakers) {
        this.consumer = consumer;
        this.events = events;
        this.roles = roles;
        this.tracks = tracks;
        this.rooms = rooms;
        this.sessionTypes = sessionTypes;
        this.speakers = speakers;
        this.sessions = sessions;
        this.sessionSpeakers = sessionSpeakers;
    }

    /** Applies an {@code event.upserted} snapshot with its role grants. */
    public Uni<Void> applyEvent(Envelope envelope) {
        EventPayload payload = consumer.payload(envelope, EventPayload.class);
        if (payload.identifier() == null || payload.name() == null) {
            throw new PoisonMessageException("Event snapshot " + envelope.messageId() + " lacks identifier or name", null);
        }
        long version = envelope.aggregateVersion();
        return events.findById(payload.id()).flatMap(existing -> {
            if (existing != null && !IdempotentConsumer.isNewer(existing.version, version)) {
                LOG.debugf("Ignoring stale event %d version %d", payload.id(), version);
                return Uni.createFrom().voidItem();
            }
            Event event = existing == null ? new Event() : existing;
            event.id = payload.id();
            event.identifier = payload.identifier();
            event.name = payload.name();
            event.description = payload.description();
            event.state = payload.state();
            event.startsAt = payload.startsAt();
            event.endsAt = payload.endsAt();
            event.timezone = payload.timezone();
            event.locationName = payload.locationName();
            event.latitude = payload.latitude();
            event.longitude = payload.longitude();
            event.version = version;
            event.updatedAt = occurredAt(envelope);
            event.deletedAt = payload.deletedAt();
            Map<Long, EventRole> grants = new LinkedHashMap<>();
            for (EventPayload.RoleGrant grant : payload.roles() == null ? List.<EventPayload.RoleGrant>of() : payload.roles()) {
                if (grant != null && grant.role() != null && EventRole.EXPORTERS.contains(grant.role())) {
                    grants.putIfAbsent(grant.userId(), EventRole.of(payload.id(), grant.userId(), grant.role()));
                }
            }
            Uni<?> saved = existing == null ? events.persistAndFlush(event) : Uni.createFrom().voidItem();
            return saved.flatMap(ignored -> roles.replace(payload.id(), new ArrayList<>(grants.values())));
        });
    }

    /** Applies a snapshot from session-service, dispatching on the message type; unknown types are skipped. */
    public Uni<Void> applySchedule(Envelope envelope) {
        return switch (envelope.type()) {
            case "track.upserted" -> applyTrack(envelope);
            case "microlocation.upserted" -> applyRoom(envelope);
            case "session-type.upserted" -> applySessionType(envelope);
            case "speaker.upserted" -> applySpeaker(envelope);
            case "session.upserted" -> applySession(envelope);
            default -> {
                LOG.debugf("Ignoring message type %s", envelope.type());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> applyTrack(Envelope envelope) {
        TrackPayload payload = consumer.payload(envelope, TrackPayload.class);
        return tracks.findById(payload.id()).flatMap(existing -> {
            if (existing != null && !IdempotentConsumer.isNewer(existing.version, envelope.aggregateVersion())) {
                return Uni.createFrom().voidItem();
            }
            Track track = existing == null ? new Track() : existing;
            track.id = payload.id();
            track.eventId = payload.eventId();
            track.name = nonNull(payload.name());
            track.version = envelope.aggregateVersion();
            track.deletedAt = payload.deletedAt();
            return existing == null ? tracks.persist(track).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> applyRoom(Envelope envelope) {
        MicrolocationPayload payload = consumer.payload(envelope, MicrolocationPayload.class);
        return rooms.findById(payload.id()).flatMap(existing -> {
            if (existing != null && !IdempotentConsumer.isNewer(existing.version, envelope.aggregateVersion())) {
                return Uni.createFrom().voidItem();
            }
            Microlocation room = existing == null ? new Microlocation() : existing;
            room.id = payload.id();
            room.eventId = payload.eventId();
            room.name = nonNull(payload.name());
            room.floor = payload.floor();
            room.latitude = payload.latitude();
            room.longitude = payload.longitude();
            room.version = envelope.aggregateVersion();
            room.deletedAt = payload.deletedAt();
            return existing == null ? rooms.persist(room).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> applySessionType(Envelope envelope) {
        SessionTypePayload payload = consumer.payload(envelope, SessionTypePayload.class);
        return sessionTypes.findById(payload.id()).flatMap(existing -> {
            if (existing != null && !IdempotentConsumer.isNewer(existing.version, envelope.aggregateVersion())) {
                return Uni.createFrom().voidItem();
            }
            SessionType type = existing == null ? new SessionType() : existing;
            type.id = payload.id();
            type.eventId = payload.eventId();
            type.name = nonNull(payload.name());
            type.version = envelope.aggregateVersion();
            type.deletedAt = payload.deletedAt();
            return existing == null ? sessionTypes.persist(type).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> applySpeaker(Envelope envelope) {
        SpeakerPayload payload = consumer.payload(envelope, SpeakerPayload.class);
        return speakers.findById(payload.id()).flatMap(existing -> {
            if (existing != null && !IdempotentConsumer.isNewer(existing.version, envelope.aggregateVersion())) {
                return Uni.createFrom().voidItem();
            }
            Speaker speaker = existing == null ? new Speaker() : existing;
            speaker.id = payload.id();
            speaker.eventId = payload.eventId();
            speaker.name = nonNull(payload.name());
            speaker.organisation = payload.organisation();
            speaker.position = payload.position();
            speaker.version = envelope.aggregateVersion();
            speaker.deletedAt = payload.deletedAt();
            return existing == null ? speakers.persist(speaker).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> applySession(Envelope envelope) {
        SessionPayload payload = consumer.payload(envelope, SessionPayload.class);
        if (payload.state() == null) {
            throw new PoisonMessageException("Session snapshot " + envelope.messageId() + " has no state", null);
        }
        return sessions.findById(payload.id()).flatMap(existing -> {
            if (existing != null && !IdempotentConsumer.isNewer(existing.version, envelope.aggregateVersion())) {
                LOG.debugf("Ignoring stale session %d version %d", payload.id(), envelope.aggregateVersion());
                return Uni.createFrom().voidItem();
            }
            Session session = existing == null ? new Session() : existing;
            session.id = payload.id();
            session.eventId = payload.eventId();
            session.title = nonNull(payload.title());
            session.subtitle = payload.subtitle();
            session.shortAbstract = payload.shortAbstract();
            session.longAbstract = payload.longAbstract();
            session.language = payload.language();
            session.state = payload.state();
            session.startsAt = payload.startsAt();
            session.endsAt = payload.endsAt();
            session.trackId = payload.trackId();
            session.microlocationId = payload.microlocationId();
            session.sessionTypeId = payload.sessionTypeId();
            session.version = envelope.aggregateVersion();
            session.updatedAt = occurredAt(envelope);
            session.deletedAt = payload.deletedAt();
            List<SessionSpeaker> links = new ArrayList<>();
            List<Long> speakerIds = payload.speakerIds() == null ? List.of() : payload.speakerIds();
            for (Long speakerId : speakerIds) {
                if (speakerId != null && links.stream().noneMatch(l -> l.speakerId == speakerId)) {
                    links.add(SessionSpeaker.of(payload.id(), speakerId, links.size()));
                }
            }
            Uni<?> saved = existing == null ? sessions.persistAndFlush(session) : Uni.createFrom().voidItem();
            return saved.flatMap(ignored -> sessionSpeakers.replace(payload.id(), links));
        });
    }

    private static OffsetDateTime occurredAt(Envelope envelope) {
        return envelope.occurredAt() != null ? envelope.occurredAt() : OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
