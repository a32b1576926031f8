package org.openevent.export.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
import org.openevent.export.repository.SessionRepository;
import org.openevent.export.repository.SessionSpeakerRepository;
import org.openevent.export.repository.SessionTypeRepository;
import org.openevent.export.repository.SpeakerRepository;
import org.openevent.export.repository.TrackRepository;

/**
 * The export task life cycle: a request creates a WAITING task plus an {@code export.requested} message in one
 * transaction; the consumer of that message renders the calendar, stores it and completes the task together
 * with an {@code export.completed} message. Tasks and files are visible to their requester and admins only.
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

    public ExportService(EventRepository events, EventRoleRepository roles, SessionRepository sessions,
                         SessionSpeakerRepository sessionSpeakers, TrackRepository tracks,
                         MicrolocationRepository rooms, SessionTypeRepository sessionTypes,
                         SpeakerRepository speakers, ExportTaskRepository tasks, ExportFileRepository files,
                         Outbox outbox, ExportConfig config, Vertx vertx, DownloadLinks links) {
        this.links = links;
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

    /** Starts an iCalendar export of an event; owners, organizers, co-organizers and admins may. */
    @WithTransaction
    public Uni<ExportTask> requestIcal(CallerIdentity caller, String reference) {
        long userId = caller.requireUser();
        return events.findByReference(reference)
                .flatMap(event -> {
                    if (event == null) {
                        return Uni.createFrom().failure(ApiException.notFound("Event"));
                    }
                    Uni<Boolean> allowed = caller.admin() ? Uni.createFrom().item(true)
                            : roles.roleOf(event.id, userId).map(Objects::nonNull);
                    return allowed.flatMap(ok -> {
                        if (!ok) {
                            return Uni.createFrom().failure(
                                    ApiException.forbidden("Only organizers of the event may export it."));
                        }
                        return createTask(event, userId);
                    });
                });
    }

    private Uni<ExportTask> createTask(Event event, long userId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ExportTask task = new ExportTask();
        task.id = UUID.randomUUID();
        task.eventId = event.id;
        task.format = ExportTask.FORMAT_ICAL;
        task.requestedBy = userId;
        task.state = ExportTask.WAITING;
        task.createdAt = now;
        task.updatedAt = now;
        ExportRequestedPayload payload = new ExportRequestedPayload(task.id.toString(), event.id, task.format, userId,
                0L); // no freshness barrier yet: the task renders whatever the projection holds
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
     * Handles an {@code export.requested} message inside the consumer's transaction. A task that is already
     * finished is left alone, so redelivery neither re-renders nor publishes a second result.
     */
    public Uni<Void> process(ExportRequestedPayload request) {
        UUID taskId = parse(request.taskId());
        if (taskId == null) {
            throw new PoisonMessageException("Export request with malformed task id " + request.taskId(), null);
        }
        return tasks.lock(taskId).flatMap(task -> {
            if (task == null) {
                return Uni.createFrom().failure(
                        new PoisonMessageException("Export request for unknown task " + taskId, null));
            }
            if (task.isFinished()) {
                LOG.debugf("Task %s already %s; ignoring the request", taskId, task.state);
                return Uni.createFrom().voidItem();
            }
            if (!ExportTask.FORMAT_ICAL.equals(task.format)) {
                return complete(task, null, null, "Unsupported export format " + task.format);
            }
            return events.findById(task.eventId).flatMap(event -> {
                if (event == null || event.deletedAt != null) {
                    return complete(task, null, null, "The event no longer exists.");
                }
                return loadSchedule(event)
                        .flatMap(schedule -> vertx.executeBlocking(() -> renderer.render(schedule))
                                .onItemOrFailure().transformToUni((bytes, failure) -> {
                                    if (failure != null) {
                                        LOG.warnf(failure, "Rendering task %s failed", taskId);
                                        return complete(task, null, null, "Rendering the calendar failed: "
                                                + failure.getMessage());
                                    }
                                    return complete(task, fileName(event), bytes, null);
                                }));
            });
        });
    }

    private Uni<Void> complete(ExportTask task, String fileName, byte[] content, String error) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        task.updatedAt = now;
        task.completedAt = now;
        Uni<Void> stored = Uni.createFrom().voidItem();
        if (error == null) {
            task.state = ExportTask.SUCCESS;
            task.downloadUrl = config.downloadBaseUrl().map(base -> base.endsWith("/")
                    ? base.substring(0, base.length() - 1) : base).orElse("")
                    + "/v1/exports/" + task.id + "/" + fileName;
            ExportFile file = new ExportFile();
            file.taskId = task.id;
            file.fileName = fileName;
            file.contentType = CalendarRenderer.CONTENT_TYPE;
            file.content = content;
            file.createdAt = now;
            stored = files.persist(file).replaceWithVoid();
        } else {
            task.state = ExportTask.FAILURE;
            task.error = error;
        }
        ExportCompletedPayload payload = new ExportCompletedPayload(task.id.toString(), task.eventId, task.state,
                task.downloadUrl, task.error);
        return stored.flatMap(ignored -> outbox.publish(Topics.EXPORT_RESULTS, MessageTypes.EXPORT_COMPLETED,
                AGGREGATE, task.id, 2, payload));
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
