package org.openevent.export.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.openevent.common.contract.ExportCompletedPayload;
import org.openevent.common.contract.ExportRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.security.CallerIdentity;
import org.openevent.export.calendar.CalendarRenderer;
import org.openevent.export.calendar.Schedule;
import org.openevent.export.client.ScheduleVersions;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.domain.Event;
import org.openevent.export.domain.ExportFile;
import org.openevent.export.domain.ExportTask;
import org.openevent.export.domain.Microlocation;
import org.openevent.export.domain.Session;
import org.openevent.export.domain.SessionSpeaker;
import org.openevent.export.domain.SessionType;
import org.openevent.export.domain.Speaker;
import org.openevent.export.domain.Track;
import org.openevent.export.repository.EventRepository;
import org.openevent.export.repository.EventRoleRepository;
import org.openevent.export.repository.ExportFileRepository;
import org.openevent.export.repository.ExportTaskRepository;
import org.openevent.export.repository.MicrolocationRepository;
import org.openevent.export.repository.ScheduleWatermarkRepository;
import org.openevent.export.repository.SessionRepository;
import org.openevent.export.repository.SessionSpeakerRepository;
import org.openevent.export.repository.SessionTypeRepository;
import org.openevent.export.repository.SpeakerRepository;
import org.openevent.export.repository.TrackRepository;

/**
 * The export task life cycle. A request reads the event's schedule version from session-service and creates a
 * WAITING task carrying it plus an {@code export.requested} message in one transaction. The consumer of that
 * message claims the task (RENDERING, with a lease) in a short transaction, waits until the projection has seen
 * that schedule version, renders on a worker thread with no transaction or lock held, and completes the task in a
 * second short transaction that only succeeds while it still holds the claim: one file and one
 * {@code export.completed} per task, whoever else receives the request. Tasks and files are visible to their
 * requester and admins only.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    private static final String AGGREGATE = "export-task";

    private final EventRepository events;
    private final EventRoleRepository roles;
    private final SessionRepository sessions;
    private final SessionSpeakerRepository sessionSpeakers;
    private final TrackRepository tracks;
    private final MicrolocationRepository rooms;
    private final SessionTypeRepository sessionTypes;
    private final SpeakerRepository speakers;
    private final ExportTaskRepository tasks;
    private final ExportFileRepository files;
    private final Outbox outbox;
    private final CalendarRenderer renderer;
    private final ExportConfig config;
    private final Vertx vertx;
    private final DownloadLinks links;
    private final ScheduleVersions scheduleVersions;
    private final ScheduleWatermarkRepository watermarks;

    public ExportService(EventRepository events, EventRoleRepository roles, SessionRepository sessions,
                         SessionSpeakerRepository sessionSpeakers, TrackRepository tracks,
                         MicrolocationRepository rooms, SessionTypeRepository sessionTypes,
                         SpeakerRepository speakers, ExportTaskRepository tasks, ExportFileRepository files,
                         Outbox outbox, ExportConfig config, Vertx vertx, DownloadLinks links,
                         ScheduleVersions scheduleVersions, ScheduleWatermarkRepository watermarks) {
        this.links = links;
        this.scheduleVersions = scheduleVersions;
        this.watermarks = watermarks;
        this.events = events;
        this.roles = roles;
        this.sessions = sessions;
        this.sessionSpeakers = sessionSpeakers;
        this.tracks = tracks;
        this.rooms = rooms;
        this.sessionTypes = sessionTypes;
        this.speakers = speakers;
        this.tasks = tasks;
        this.files = files;
        this.outbox = outbox;
        this.renderer = new CalendarRenderer(new CalendarRenderer.Settings(config.productId(),
                config.publicBaseUrl(), config.uidDomain(), config.timezoneMargin()));
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Starts an iCalendar export of an event; owners, organizers, co-organizers and admins may. The task records
     * session-service's current schedule version of the event (asked outside any transaction); when that cannot be
     * had the caller gets a 503 and no task exists.
     */
    public Uni<ExportTask> requestIcal(CallerIdentity caller, String reference) {
        long userId = caller.requireUser();
        return Panache.withSession(() -> exportableEvent(caller, userId, reference))
                .flatMap(eventId -> scheduleVersions.current(eventId)
                        .flatMap(version -> Panache.withTransaction(() -> createTask(eventId, userId, version))));
    }

    private Uni<Long> exportableEvent(CallerIdentity caller, long userId, String reference) {
        return events.findLive(reference).flatMap(event -> {
            if (event == null) {
                return Uni.createFrom().failure(ApiException.notFound("Event"));
            }
            Uni<Boolean> allowed = caller.admin() ? Uni.createFrom().item(true)
                    : roles.roleOf(event.id, userId).map(Objects::nonNull);
            return allowed.map(ok -> {
                if (!ok) {
                    // Only a published event is known to exist: a stranger asking for a draft gets the same 404
                    // as for an unknown event.
                    throw "published".equals(event.state) ? ApiException.forbidden(
                            "Only organizers of the event may export it.") : ApiException.notFound("Event");
                }
                return event.id;
            });
        });
    }

    private Uni<ExportTask> createTask(long eventId, long userId, long scheduleVersion) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ExportTask task = new ExportTask();
        task.id = UUID.randomUUID();
        task.eventId = eventId;
        task.format = ExportTask.FORMAT_ICAL;
        task.requestedBy = userId;
        task.state = ExportTask.WAITING;
        task.scheduleVersion = scheduleVersion;
        task.createdAt = now;
        task.updatedAt = now;
        ExportRequestedPayload payload = new ExportRequestedPayload(task.id.toString(), eventId, task.format, userId,
                scheduleVersion);
        return tasks.persist(task)
                .flatMap(saved -> outbox.publish(Topics.EXPORT_REQUESTS, MessageTypes.EXPORT_REQUESTED, AGGREGATE,
                        task.id, 1, payload))
                .replaceWith(task);
    }

    /** A task its requester (or an admin) may read; anyone else, and malformed ids, get 404. */
    @WithSession
    public Uni<ExportTask> task(CallerIdentity caller, String id) {
        long userId = caller.requireUser();
        UUID taskId = parse(id);
        if (taskId == null) {
            return Uni.createFrom().failure(ApiException.notFound("Task"));
        }
        return tasks.findById(taskId).map(task -> {
            if (task == null || (!caller.admin() && task.requestedBy != userId)) {
                throw ApiException.notFound("Task");
            }
            return task;
        });
    }

    /** The file behind a valid signed link, or null when the link is absent, forged or expired. */
    @WithSession
    public Uni<ExportFile> signedFile(String id, String fileName, String expires, String signature) {
        UUID taskId = parse(id);
        if (taskId == null || !links.verify(taskId, expires, signature)) {
            return Uni.createFrom().nullItem();
        }
        return files.findById(taskId).map(file -> {
            if (file == null || !file.fileName.equals(fileName)) {
                throw ApiException.notFound("Export file");
            }
            return file;
        });
    }

    /** The rendered file of a successful task, under the same access rule as the task. */
    @WithSession
    public Uni<ExportFile> file(CallerIdentity caller, String id, String fileName) {
        return task(caller, id)
                .flatMap(task -> files.findById(task.id))
                .map(file -> {
                    if (file == null || !file.fileName.equals(fileName)) {
                        throw ApiException.notFound("Export file");
                    }
                    return file;
                });
    }

    /**
     * Handles an {@code export.requested} message (or re-runs a task whose renderer died). Only the caller that
     * claims the task renders it; a finished task, or one another renderer holds under a live lease, is left alone,
     * so redelivery and concurrent consumers neither render twice nor publish a second result. Must be called on a
     * Vert.x context, outside any transaction.
     */
    public Uni<Void> process(ExportRequestedPayload request) {
        UUID taskId = parse(request.taskId());
        if (taskId == null) {
            return Uni.createFrom().failure(
                    new PoisonMessageException("Export request with malformed task id " + request.taskId(), null));
        }
        UUID token = UUID.randomUUID();
        return Panache.withTransaction(() -> tasks.findById(taskId).flatMap(task -> {
            if (task == null) {
                return Uni.createFrom().failure(
                        new PoisonMessageException("Export request for unknown task " + taskId, null));
            }
            if (task.isFinished()) {
                return Uni.createFrom().nullItem();
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return tasks.claim(taskId, token, now, now.plus(config.renderLease()))
                    .map(claimed -> claimed ? new Claim(taskId, token, task.eventId, task.format, task.scheduleVersion)
                            : null);
        })).flatMap(claim -> {
            if (claim == null) {
                LOG.debugf("Task %s is finished or being rendered elsewhere; ignoring the request", taskId);
                return Uni.createFrom().voidItem();
            }
            return render(claim);
        });
    }

    /** Claims and renders tasks whose renderer let its lease expire (it crashed or lost its database). */
    @Scheduled(every = "${openevent.export.sweep-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> resumeAbandoned() {
        return Panache.withSession(() -> tasks.expiredClaims(OffsetDateTime.now(ZoneOffset.UTC), 20))
                .flatMap(abandoned -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ExportTask task : abandoned) {
                        LOG.infof("Task %s was abandoned by its renderer; rendering it again", task.id);
                        ExportRequestedPayload request = new ExportRequestedPayload(task.id.toString(), task.eventId,
                                task.format, task.requestedBy, task.scheduleVersion);
                        chain = chain.flatMap(ignored -> process(request)
                                .onFailure().invoke(e -> LOG.warnf("Re-rendering task %s failed: %s", task.id,
                                        e.getMessage()))
                                .onFailure().recoverWithNull());
                    }
                    return chain;
                });
    }

    private Uni<Void> render(Claim claim) {
        if (!ExportTask.FORMAT_ICAL.equals(claim.format())) {
            return complete(claim, null, null, "Unsupported export format " + claim.format());
        }
        long deadline = System.nanoTime() + config.freshnessTimeout().toNanos();
        return awaitWatermark(claim.eventId(), claim.scheduleVersion(), deadline).flatMap(seen -> {
            if (seen < claim.scheduleVersion()) {
                return complete(claim, null, null, "The export could not include every change made before it was "
                        + "requested: after " + config.freshnessTimeout().toSeconds() + " s this service had seen the "
                        + "event's schedule up to version " + seen + " of " + claim.scheduleVersion()
                        + ". Please try again later.");
            }
            return Panache.withSession(() -> events.findLive(String.valueOf(claim.eventId()))
                    .flatMap(event -> event == null ? Uni.createFrom().nullItem()
                            : loadSchedule(event).map(schedule -> Map.entry(fileName(event), schedule))))
                    .flatMap(loaded -> {
                        if (loaded == null) {
                            return complete(claim, null, null, "The event no longer exists.");
                        }
                        // Rendering runs on a worker thread; no transaction and no lock are held meanwhile.
                        return vertx.executeBlocking(() -> renderer.render(loaded.getValue()))
                                .onItemOrFailure().transformToUni((bytes, failure) -> {
                                    if (failure != null) {
                                        LOG.warnf(failure, "Rendering task %s failed", claim.taskId());
                                        return complete(claim, null, null, "Rendering the calendar failed: "
                                                + failure.getMessage());
                                    }
                                    return complete(claim, loaded.getKey(), bytes, null);
                                });
                    });
        });
    }

    /**
     * The projection's schedule watermark of the event once it reaches {@code version}, or the last one seen at
     * the deadline. Polls on Vert.x timers: no thread sleeps and no transaction stays open while waiting.
     */
    private Uni<Long> awaitWatermark(long eventId, long version, long deadline) {
        if (version <= 0) {
            return Uni.createFrom().item(0L);
        }
        return Panache.withTransaction(() -> watermarks.advance(eventId)).flatMap(seen -> {
            if (seen >= version || System.nanoTime() >= deadline) {
                return Uni.createFrom().item(seen);
            }
            long delay = Math.max(1, config.freshnessPollInterval().toMillis());
            return Uni.createFrom().<Void>emitter(emitter -> vertx.setTimer(delay, id -> emitter.complete(null)))
                    .flatMap(ignored -> awaitWatermark(eventId, version, deadline));
        });
    }

    /**
     * Stores the outcome in one short transaction, provided the claim is still ours: the file, the final state and
     * the {@code export.completed} message commit together or not at all.
     */
    private Uni<Void> complete(Claim claim, String fileName, byte[] content, String error) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String state = error == null ? ExportTask.SUCCESS : ExportTask.FAILURE;
        String downloadUrl = error == null ? config.downloadBaseUrl().map(base -> base.endsWith("/")
                ? base.substring(0, base.length() - 1) : base).orElse("")
                + "/v1/exports/" + claim.taskId() + "/" + fileName : null;
        return Panache.withTransaction(() -> tasks.complete(claim.taskId(), claim.token(), state, downloadUrl, error, now)
                .flatMap(stillOurs -> {
                    if (!stillOurs) {
                        LOG.warnf("Task %s was claimed by another renderer meanwhile; discarding this result",
                                claim.taskId());
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> stored = Uni.createFrom().voidItem();
                    if (error == null) {
                        ExportFile file = new ExportFile();
                        file.taskId = claim.taskId();
                        file.fileName = fileName;
                        file.contentType = CalendarRenderer.CONTENT_TYPE;
                        file.content = content;
                        file.createdAt = now;
                        stored = files.persist(file).replaceWithVoid();
                    }
                    ExportCompletedPayload payload = new ExportCompletedPayload(claim.taskId().toString(),
                            claim.eventId(), state, downloadUrl, error);
                    return stored.flatMap(ignored -> outbox.publish(Topics.EXPORT_RESULTS,
                            MessageTypes.EXPORT_COMPLETED, AGGREGATE, claim.taskId(), 2, payload));
                }));
    }

    /** A render claim: the task's facts the renderer needs, and the token that proves the claim. */
    private record Claim(UUID taskId, UUID token, long eventId, String format, long scheduleVersion) {
    }

    /** Loads the event's scheduled sessions and, with one query per relationship, what they refer to. */
    private Uni<Schedule> loadSchedule(Event event) {
        return sessions.scheduledOf(event.id).flatMap(list -> {
            List<Long> sessionIds = list.stream().map(s -> s.id).toList();
            return sessionSpeakers.forSessions(sessionIds)
                    .flatMap(links -> speakers.liveByIds(links.stream().map(l -> l.speakerId).distinct().toList())
                            .map(found -> Map.entry(links, byId(found, s -> s.id))))
                    .flatMap(speakerData -> tracks.liveByIds(ids(list, s -> s.trackId))
                            .flatMap(trackList -> rooms.liveByIds(ids(list, s -> s.microlocationId))
                                    .flatMap(roomList -> sessionTypes.liveByIds(ids(list, s -> s.sessionTypeId))
                                            .map(typeList -> assemble(event, list, speakerData.getKey(),
                                                    speakerData.getValue(), byId(trackList, t -> t.id),
                                                    byId(roomList, r -> r.id), byId(typeList, t -> t.id))))));
        });
    }

    private static Schedule assemble(Event event, List<Session> list, List<SessionSpeaker> links,
                                     Map<Long, Speaker> speakerById, Map<Long, Track> trackById,
                                     Map<Long, Microlocation> roomById, Map<Long, SessionType> typeById) {
        Map<Long, List<SessionSpeaker>> linksBySession = links.stream()
                .collect(Collectors.groupingBy(l -> l.sessionId));
        List<Schedule.SessionInfo> infos = list.stream().map(session -> {
            Track track = session.trackId == null ? null : trackById.get(session.trackId);
            Microlocation room = session.microlocationId == null ? null : roomById.get(session.microlocationId);
            SessionType type = session.sessionTypeId == null ? null : typeById.get(session.sessionTypeId);
            List<String> names = linksBySession.getOrDefault(session.id, List.of()).stream()
                    .sorted(Comparator.comparingInt(l -> l.position))
                    .map(l -> speakerById.get(l.speakerId))
                    .filter(Objects::nonNull)
                    .map(ExportService::speakerLabel)
                    .toList();
            return new Schedule.SessionInfo(session.id, session.title, session.subtitle, session.shortAbstract,
                    session.longAbstract, session.startsAt, session.endsAt, track == null ? null : track.name,
                    room == null ? null : room.name, room == null ? null : room.latitude,
                    room == null ? null : room.longitude, type == null ? null : type.name, names,
                    session.version, session.updatedAt);
        }).toList();
        Schedule.EventInfo info = new Schedule.EventInfo(event.id, event.identifier, event.name, event.timezone,
                event.locationName, event.latitude, event.longitude, event.startsAt, event.endsAt);
        return new Schedule(info, infos);
    }

    private static String speakerLabel(Speaker speaker) {
        return speaker.organisation == null || speaker.organisation.isBlank()
                ? speaker.name : speaker.name + " (" + speaker.organisation + ")";
    }

    private static String fileName(Event event) {
        String safe = event.identifier.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe + ".ics";
    }

    private static <T> List<Long> ids(List<T> rows, Function<T, Long> id) {
        return rows.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    private static UUID parse(String id) {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(id);
    }
}
