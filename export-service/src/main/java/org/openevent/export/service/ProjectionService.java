package org.openevent.export.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Objects;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.FavouritePayload;
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
import org.openevent.common.persistence.Transactions;
import org.openevent.common.projection.EventProjection;
import org.openevent.common.projection.EventSnapshotApplied;
import org.openevent.common.projection.ProjectedEvent;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.domain.Favourite;
import org.openevent.export.domain.Microlocation;
import org.openevent.export.domain.Session;
import org.openevent.export.domain.SessionSpeaker;
import org.openevent.export.domain.SessionType;
import org.openevent.export.domain.Speaker;
import org.openevent.export.domain.Track;
import org.openevent.export.repository.FavouriteRepository;
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
 * schedule watermark, which exports and feeds wait for. A change to anything a session's rendered fragment shows
 * (the session, its track, room, type or speakers, the event's zone or place) raises the session's render
 * generation, so the next render redoes exactly those sessions.
 */
@ApplicationScoped
public class ProjectionService implements EventSnapshotApplied {

    private final EventProjection eventProjection;
    private final TrackRepository tracks;
    private final MicrolocationRepository rooms;
    private final SessionTypeRepository sessionTypes;
    private final SpeakerRepository speakers;
    private final SessionRepository sessions;
    private final SessionSpeakerRepository sessionSpeakers;
    private final ScheduleWatermarkRepository watermarks;
    private final FavouriteRepository favourites;
    private final ExportConfig config;
    private final MessageHandlers eventHandlers;
    private final MessageHandlers scheduleHandlers;

    public ProjectionService(ObjectMapper mapper, EventProjection eventProjection, TrackRepository tracks, MicrolocationRepository rooms,
                             SessionTypeRepository sessionTypes, SpeakerRepository speakers,
                             SessionRepository sessions, SessionSpeakerRepository sessionSpeakers,
                             ScheduleWatermarkRepository watermarks, FavouriteRepository favourites,
                             ExportConfig config) {
        this.favourites = favourites;
        this.config = config;
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
                .on(MessageTypes.SESSION_UPSERTED, SessionPayload.class, counted(this::applySession))
                .on(MessageTypes.FAVOURITE_UPSERTED, FavouritePayload.class, counted(this::applyFavourite));
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
                chain = chain.flatMap(ignored -> Transactions.run(() -> watermarks.advance(eventId))
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    private Uni<Void> applyEvent(Envelope envelope, EventPayload payload) {
        return eventProjection.apply(payload, envelope.aggregateVersion()).replaceWithVoid();
    }

    /**
     * Fragments show the event's zone and place: when a newer snapshot (from Kafka or from event-service) changes
     * them, every session of the event is rendered again.
     */
    @Override
    public Uni<Void> applied(ProjectedEvent before, ProjectedEvent after) {
        boolean placeChanged = before.version == 0 || !(Objects.equals(before.identifier, after.identifier)
                && Objects.equals(before.timezone, after.timezone)
                && Objects.equals(before.locationName, after.locationName)
                && Objects.equals(before.latitude, after.latitude)
                && Objects.equals(before.longitude, after.longitude));
        return placeChanged ? sessions.rerenderEvent(after.id) : Uni.createFrom().voidItem();
    }

    private Uni<Boolean> applyTrack(Envelope envelope, TrackPayload payload) {
        boolean[] shownChanged = new boolean[1];
        return VersionGate.upsert(tracks, payload.id(), envelope.aggregateVersion(), t -> t.version, Track::new, track -> {
            shownChanged[0] = track.id == null || !(Objects.equals(track.name, nonNull(payload.name()))
                    && Objects.equals(track.deletedAt == null, payload.deletedAt() == null));
            track.id = payload.id();
            track.eventId = payload.eventId();
            track.name = nonNull(payload.name());
            track.version = envelope.aggregateVersion();
            track.deletedAt = payload.deletedAt();
        }).call(applied -> shownChanged[0] ? sessions.rerenderTrack(payload.id(), mark(payload))
                : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> applyRoom(Envelope envelope, MicrolocationPayload payload) {
        boolean[] shownChanged = new boolean[1];
        return VersionGate.upsert(rooms, payload.id(), envelope.aggregateVersion(), r -> r.version, Microlocation::new,
                room -> {
                    shownChanged[0] = room.id == null || !(Objects.equals(room.name, nonNull(payload.name()))
                            && Objects.equals(room.latitude, payload.latitude())
                            && Objects.equals(room.longitude, payload.longitude())
                            && Objects.equals(room.deletedAt == null, payload.deletedAt() == null));
                    room.id = payload.id();
                    room.eventId = payload.eventId();
                    room.name = nonNull(payload.name());
                    room.floor = payload.floor();
                    room.latitude = payload.latitude();
                    room.longitude = payload.longitude();
                    room.version = envelope.aggregateVersion();
                    room.deletedAt = payload.deletedAt();
                }).call(applied -> shownChanged[0] ? sessions.rerenderRoom(payload.id(), mark(payload))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> applySessionType(Envelope envelope, SessionTypePayload payload) {
        boolean[] shownChanged = new boolean[1];
        return VersionGate.upsert(sessionTypes, payload.id(), envelope.aggregateVersion(), t -> t.version,
                SessionType::new, type -> {
                    shownChanged[0] = type.id == null || !(Objects.equals(type.name, nonNull(payload.name()))
                            && Objects.equals(type.deletedAt == null, payload.deletedAt() == null));
                    type.id = payload.id();
                    type.eventId = payload.eventId();
                    type.name = nonNull(payload.name());
                    type.version = envelope.aggregateVersion();
                    type.deletedAt = payload.deletedAt();
                }).call(applied -> shownChanged[0] ? sessions.rerenderSessionType(payload.id(), mark(payload))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> applySpeaker(Envelope envelope, SpeakerPayload payload) {
        boolean[] shownChanged = new boolean[1];
        return VersionGate.upsert(speakers, payload.id(), envelope.aggregateVersion(), s -> s.version, Speaker::new,
                speaker -> {
                    shownChanged[0] = speaker.id == null || !(Objects.equals(speaker.name, nonNull(payload.name()))
                            && Objects.equals(speaker.organisation, payload.organisation())
                            && Objects.equals(speaker.deletedAt == null, payload.deletedAt() == null));
                    speaker.id = payload.id();
                    speaker.eventId = payload.eventId();
                    speaker.name = nonNull(payload.name());
                    speaker.organisation = payload.organisation();
                    speaker.position = payload.position();
                    speaker.version = envelope.aggregateVersion();
                    speaker.deletedAt = payload.deletedAt();
                }).call(applied -> shownChanged[0] ? sessions.rerenderSpeaker(payload.id(), mark(payload))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> applySession(Envelope envelope, SessionPayload payload) {
        if (payload.state() == null) {
            throw new PoisonMessageException("Session snapshot " + envelope.messageId() + " has no state", null);
        }
        boolean[] inserted = new boolean[1];
        return VersionGate.upsert(sessions, payload.id(), envelope.aggregateVersion(), s -> s.version, Session::new,
                session -> {
                    inserted[0] = session.id == null;
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
                    session.renderGen++;
                    session.changedIn = mark(payload);
                    session.relist(session.updatedAt, payload.wasPublic(), config.cancellationPeriod());
                }).call(applied -> !applied ? Uni.createFrom().voidItem()
                        : inserted[0] ? sessionSpeakers.addToNewSession(links(payload))
                        : sessionSpeakers.replace(payload.id(), links(payload)));
    }

    private Uni<Boolean> applyFavourite(Envelope envelope, FavouritePayload payload) {
        return VersionGate.upsert(favourites, payload.id(), envelope.aggregateVersion(), f -> f.version, Favourite::new,
                favourite -> {
                    favourite.id = payload.id();
                    favourite.eventId = payload.eventId();
                    favourite.sessionId = payload.sessionId();
                    favourite.userId = payload.userId();
                    favourite.version = envelope.aggregateVersion();
                    favourite.deletedAt = payload.deletedAt();
                });
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

    private static long mark(ScheduleChange change) {
        return Session.changeMark(change.scheduleVersion());
    }

    private static OffsetDateTime occurredAt(Envelope envelope) {
        return envelope.occurredAt() != null ? envelope.occurredAt() : OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
