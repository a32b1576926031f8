package org.openevent.export.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.contract.ScheduleChange;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.SessionTypePayload;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.messaging.VersionGate;
import org.openevent.common.projection.EventProjection;
import org.openevent.export.domain.Microlocation;
import org.openevent.export.domain.Session;
import org.openevent.export.domain.SessionSpeaker;
import org.openevent.export.domain.SessionType;
import org.openevent.export.domain.Speaker;
import org.openevent.export.domain.Track;
import org.openevent.export.repository.MicrolocationRepository;
import org.openevent.export.repository.ScheduleWatermarkRepository;
import org.openevent.export.repository.SessionRepository;
import org.openevent.export.repository.SessionSpeakerRepository;
import org.openevent.export.repository.SessionTypeRepository;
import org.openevent.export.repository.SpeakerRepository;
import org.openevent.export.repository.TrackRepository;

/**
 * Keeps the local copies of events and schedules up to date from snapshots, inside the idempotent consumer's
 * transaction: each snapshot is a version-gated upsert (an older one than stored is skipped; deletion is a
 * snapshot with {@code deletedAt}), and every schedule message, applied or skipped, counts towards its event's
 * schedule watermark, which exports wait for.
 */
@ApplicationScoped
public class ProjectionService {

    private final EventProjection eventProjection;
    private final TrackRepository tracks;
    private final MicrolocationRepository rooms;
    private final SessionTypeRepository sessionTypes;
    private final SpeakerRepository speakers;
    private final SessionRepository sessions;
    private final SessionSpeakerRepository sessionSpeakers;
    private final ScheduleWatermarkRepository watermarks;
    private final MessageHandlers eventHandlers;
    private final MessageHandlers scheduleHandlers;

    public ProjectionService(ObjectMapper mapper, EventProjection eventProjection, TrackRepository tracks, MicrolocationRepository rooms,
                             SessionTypeRepository sessionTypes, SpeakerRepository speakers,
                             SessionRepository sessions, SessionSpeakerRepository sessionSpeakers,
                             ScheduleWatermarkRepository watermarks) {
        this.eventProjection = eventProjection;
        this.tracks = tracks;
        this.rooms = rooms;
        this.sessionTypes = sessionTypes;
        this.speakers = speakers;
        this.sessions = sessions;
        this.sessionSpeakers = sessionSpeakers;
        this.watermarks = watermarks;
        this.eventHandlers = MessageHandlers.using(mapper)
                .on(MessageTypes.EVENT_UPSERTED, EventPayload.class, this::applyEvent);
        this.scheduleHandlers = MessageHandlers.using(mapper)
                .on(MessageTypes.TRACK_UPSERTED, TrackPayload.class, counted(this::applyTrack))
                .on(MessageTypes.MICROLOCATION_UPSERTED, MicrolocationPayload.class, counted(this::applyRoom))
                .on(MessageTypes.SESSION_TYPE_UPSERTED, SessionTypePayload.class, counted(this::applySessionType))
                .on(MessageTypes.SPEAKER_UPSERTED, SpeakerPayload.class, counted(this::applySpeaker))
                .on(MessageTypes.SESSION_UPSERTED, SessionPayload.class, counted(this::applySession));
    }

    /** Handlers of {@code openevent.events}. */
    public MessageHandlers eventHandlers() {
        return eventHandlers;
    }

    /** Handlers of {@code openevent.sessions}. */
    public MessageHandlers scheduleHandlers() {
        return scheduleHandlers;
    }

    /** Applies a schedule snapshot, then counts its schedule version as seen whether it was applied or stale. */
    private <T extends ScheduleChange> BiFunction<Envelope, T, Uni<Void>> counted(
            BiFunction<Envelope, T, Uni<Boolean>> apply) {
        return (envelope, payload) -> apply.apply(envelope, payload)
                .flatMap(applied -> watermarks.record(payload.eventId(), payload.scheduleVersion()));
    }

    /** Folds seen schedule versions into their events' watermarks, so the table of seen versions stays small. */
    @Scheduled(every = "${openevent.export.watermark-compaction-interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> compactWatermarks() {
        return Panache.withSession(() -> watermarks.eventsWithPendingVersions(500)).flatMap(eventIds -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Long eventId : eventIds) {
                chain = chain.flatMap(ignored -> Panache.withTransaction(() -> watermarks.advance(eventId))
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    private Uni<Void> applyEvent(Envelope envelope, EventPayload payload) {
        return eventProjection.apply(payload, envelope.aggregateVersion()).replaceWithVoid();
    }

    private Uni<Boolean> applyTrack(Envelope envelope, TrackPayload payload) {
        return VersionGate.upsert(tracks, payload.id(), envelope.aggregateVersion(), t -> t.version, Track::new, track -> {
            track.id = payload.id();
            track.eventId = payload.eventId();
            track.name = nonNull(payload.name());
            track.version = envelope.aggregateVersion();
            track.deletedAt = payload.deletedAt();
        });
    }

    private Uni<Boolean> applyRoom(Envelope envelope, MicrolocationPayload payload) {
        return VersionGate.upsert(rooms, payload.id(), envelope.aggregateVersion(), r -> r.version, Microlocation::new,
                room -> {
                    room.id = payload.id();
                    room.eventId = payload.eventId();
                    room.name = nonNull(payload.name());
                    room.floor = payload.floor();
                    room.latitude = payload.latitude();
                    room.longitude = payload.longitude();
                    room.version = envelope.aggregateVersion();
                    room.deletedAt = payload.deletedAt();
                });
    }

    private Uni<Boolean> applySessionType(Envelope envelope, SessionTypePayload payload) {
        return VersionGate.upsert(sessionTypes, payload.id(), envelope.aggregateVersion(), t -> t.version,
                SessionType::new, type -> {
                    type.id = payload.id();
                    type.eventId = payload.eventId();
                    type.name = nonNull(payload.name());
                    type.version = envelope.aggregateVersion();
                    type.deletedAt = payload.deletedAt();
                });
    }

    private Uni<Boolean> applySpeaker(Envelope envelope, SpeakerPayload payload) {
        return VersionGate.upsert(speakers, payload.id(), envelope.aggregateVersion(), s -> s.version, Speaker::new,
                speaker -> {
                    speaker.id = payload.id();
                    speaker.eventId = payload.eventId();
                    speaker.name = nonNull(payload.name());
                    speaker.organisation = payload.organisation();
                    speaker.position = payload.position();
                    speaker.version = envelope.aggregateVersion();
                    speaker.deletedAt = payload.deletedAt();
                });
    }

    private Uni<Boolean> applySession(Envelope envelope, SessionPayload payload) {
        if (payload.state() == null) {
            throw new PoisonMessageException("Session snapshot " + envelope.messageId() + " has no state", null);
        }
        return VersionGate.upsert(sessions, payload.id(), envelope.aggregateVersion(), s -> s.version, Session::new,
                session -> {
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
                    session.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    session.deletedAt = payload.deletedAt();
                }).call(applied -> applied ? sessionSpeakers.replace(payload.id(), links(payload))
                        : Uni.createFrom().voidItem());
    }

    private static List<SessionSpeaker> links(SessionPayload payload) {
        List<SessionSpeaker> links = new ArrayList<>();
        for (Long speakerId : payload.speakerIds() == null ? List.<Long>of() : payload.speakerIds()) {
            if (speakerId != null && links.stream().noneMatch(l -> l.speakerId == speakerId)) {
                links.add(SessionSpeaker.of(payload.id(), speakerId, links.size()));
            }
        }
        return links;
    }

    private static OffsetDateTime occurredAt(Envelope envelope) {
        return envelope.occurredAt() != null ? envelope.occurredAt() : OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
