package org.openevent.export.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openevent.common.contract.ExportCompletedPayload;
import org.openevent.common.contract.ExportRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.AccessResolver;
import org.openevent.common.runtime.UntilParserWarm;
import org.openevent.common.security.CallerIdentity;
import org.openevent.export.calendar.Format;
import org.openevent.export.client.ScheduleVersions;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.domain.Event;
import org.openevent.export.domain.ExportFile;
import org.openevent.export.domain.ExportTask;
import org.openevent.export.domain.Selection;
import org.openevent.export.repository.EventRepository;
import org.openevent.export.repository.ExportFileRepository;
import org.openevent.export.repository.ExportTaskRepository;

/**
 * The export task life cycle. A request reads the event's schedule version from session-service; when a file of
 * that version (rendered at the current event version) exists, or the projection has seen that version and the
 * request can render the few sessions that changed itself, the task is finished at once with that file; otherwise a
 * WAITING task carrying the version and an {@code export.requested} message are written in one transaction. The
 * requesting process then starts on the task itself (unless configured not to), and the consumer of the message is
 * the fallback; whichever comes first claims the task (RENDERING, with a lease) in a short transaction, waits until the
 * projection has seen that schedule version, has the {@link Assembler} render what changed and plan the file with
 * no transaction or lock held, stores the file and completes the task in a second short transaction that only
 * succeeds while it still holds the claim: one result and one {@code export.completed} per task, whoever else
 * receives the request. Tasks and their files are visible to their requester and admins only.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    private static final String AGGREGATE = "export-task";

    private final EventRepository events;
    private final AccessResolver access;
    private final ExportTaskRepository tasks;
    private final ExportFileRepository files;
    private final Outbox outbox;
    private final Assembler assembler;
    private final ExportConfig config;
    private final Vertx vertx;
    private final DownloadLinks links;
    private final ScheduleVersions scheduleVersions;
    private final ScheduleMarks marks;
    private final ExportMetrics metrics;
    private final TaskCompletions completions;
    private final String instance;

    public ExportService(EventRepository events, AccessResolver access, ExportTaskRepository tasks,
                         ExportFileRepository files, Outbox outbox, Assembler assembler, ExportConfig config,
                         Vertx vertx, DownloadLinks links, ScheduleVersions scheduleVersions,
                         ScheduleMarks marks, ExportMetrics metrics,
                         TaskCompletions completions) {
        this.events = events;
        this.access = access;
        this.metrics = metrics;
        this.completions = completions;
        this.tasks = tasks;
        this.files = files;
        this.outbox = outbox;
        this.assembler = assembler;
        this.config = config;
        this.vertx = vertx;
        this.links = links;
        this.scheduleVersions = scheduleVersions;
        this.marks = marks;
        this.instance = config.instanceId().orElseGet(ExportService::defaultInstance);
    }

    /** This process's name on the tasks it renders. */
    public String instance() {
        return instance;
    }

    /**
     * Starts an export of an event in a format; owners, organizers, co-organizers and admins may. The task records
     * session-service's current schedule version of the event (asked outside any transaction; without an answer the
     * caller gets a 503 and no task exists). A file of that version is reused, and when the projection has already
     * seen that version and at most {@code inline-render-limit} sessions changed since the fragments were rendered,
     * the file is made right here; either way the task is created done. Otherwise it waits for a renderer.
     */
    public Uni<ExportTask> request(CallerIdentity caller, String reference, Format format) {
        long userId = caller.requireUser();
        return Panache.withSession(() -> exportableEvent(caller, reference))
                .flatMap(event -> scheduleVersions.current(event.id)
                        .flatMap(version -> files.reusable(event.id, format.taskName(), version, event.version,
                                        event.feedEpoch)
                                .flatMap(file -> file != null ? Uni.createFrom().item(file)
                                        : renderedNow(event, format, version))
                                .flatMap(file -> file == null
                                        ? Transactions.run(() -> createWaiting(event.id, userId, format, version))
                                        : Transactions.run(() -> createDone(event.id, userId, format, version, file))
                                                .invoke(task -> metrics.finished(task.format, task.state,
                                                        task.createdAt, sizeOf(file))))))
                .invoke(task -> {
                    if (ExportTask.WAITING.equals(task.state) && config.renderOnRequest()) {
                        startHere(task);
                    }
                });
    }

    /**
     * The file made within the request, or null when that would not be quick or complete: rendering on request is
     * off, the projection has not seen {@code version} yet (the task then waits for it), or too many sessions need
     * rendering. A failure here is only logged; the task then takes the usual way.
     */
    private Uni<ExportFile> renderedNow(Event event, Format format, long version) {
        int limit = config.inlineRenderLimit();
        if (!config.renderOnRequest() || limit < 0) {
            return Uni.createFrom().nullItem();
        }
        return marks.current(event.id)
                .flatMap(mark -> mark.version() < version ? Uni.createFrom().<ExportFile>nullItem()
                        : renderFile(event, format, mark.version(), limit))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Rendering an export of event %d on request failed; a renderer takes it: %s",
                            event.id, failure.toString());
                    return null;
                });
    }

    /**
     * Starts processing a just-committed task on a fresh Vert.x context, so the render neither waits for the
     * relay and the broker nor shares the request's database session. A failure here is only logged: the task's
     * message is on its way and the claim's lease lets a consumer take the task over.
     */
    private void startHere(ExportTask task) {
        ExportRequestedPayload request = new ExportRequestedPayload(task.id.toString(), task.eventId, task.format,
                task.requestedBy, task.scheduleVersion);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> process(request).subscribe().with(
                done -> { },
                failure -> LOG.warnf("Rendering task %s on request failed; its message will retry it: %s", task.id,
                        failure.toString())));
    }

    /**
     * The event when the caller has co-organizer access; an event they cannot see is the same 404 as an unknown one
     * (a draft's existence is not revealed by a 403). Before denying, the projection is refreshed from
     * event-service, so a just-created event or a just-granted role counts.
     */
    private Uni<Event> exportableEvent(CallerIdentity caller, String reference) {
        return access.forEvent(caller, reference, Access::isCoorganizer).flatMap(granted -> {
            if (!granted.eventVisible()) {
                throw ApiException.notFound("Event");
            }
            if (!granted.isCoorganizer()) {
                throw ApiException.forbidden("Only organizers of the event may export it.");
            }
            return events.findLive(String.valueOf(granted.eventId())).map(event -> {
                if (event == null) {
                    throw ApiException.notFound("Event");
                }
                return event;
            });
        });
    }

    private ExportTask newTask(long eventId, long userId, Format format, long scheduleVersion, OffsetDateTime now) {
        ExportTask task = new ExportTask();
        task.id = UUID.randomUUID();
        task.eventId = eventId;
        task.format = format.taskName();
        task.requestedBy = userId;
        task.scheduleVersion = scheduleVersion;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    private Uni<ExportTask> createWaiting(long eventId, long userId, Format format, long scheduleVersion) {
        ExportTask task = newTask(eventId, userId, format, scheduleVersion, OffsetDateTime.now(ZoneOffset.UTC));
        task.state = ExportTask.WAITING;
        ExportRequestedPayload payload = new ExportRequestedPayload(task.id.toString(), eventId, task.format, userId,
                scheduleVersion);
        return tasks.persist(task)
                .flatMap(saved -> outbox.publish(Topics.EXPORT_REQUESTS, MessageTypes.EXPORT_REQUESTED, AGGREGATE,
                        task.id, 1, payload))
                .replaceWith(task);
    }

    private Uni<ExportTask> createDone(long eventId, long userId, Format format, long scheduleVersion,
                                       ExportFile file) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ExportTask task = newTask(eventId, userId, format, scheduleVersion, now);
        task.state = ExportTask.SUCCESS;
        task.fileId = file.id();
        task.downloadUrl = downloadPath(task.id, file);
        task.renderedBy = instance;
        task.completedAt = now;
        return tasks.persist(task)
                .flatMap(saved -> outbox.publish(Topics.EXPORT_RESULTS, MessageTypes.EXPORT_COMPLETED, AGGREGATE,
                        task.id, 2, completed(task.id, eventId, task.state, task.downloadUrl, null)))
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

    /** How long a task request that asks to wait {@code requested} may wait: at most the configured limit. */
    public Duration taskWait(Duration requested) {
        return requested.compareTo(config.taskWaitLimit()) > 0 ? config.taskWaitLimit() : requested;
    }

    /**
     * The task as {@link #task} reads it, once it is finished or {@link #taskWait(Duration) taskWait(wait)} has
     * passed: a long poll. A finish in this process answers at once; one in another replica at the next reading.
     * Nothing is held while waiting but a timer and a registration.
     */
    public Uni<ExportTask> awaitTask(CallerIdentity caller, String id, Duration wait) {
        Duration limited = taskWait(wait);
        if (limited.isNegative() || limited.isZero()) {
            return task(caller, id);
        }
        long deadline = System.nanoTime() + limited.toNanos();
        // The first reading also settles access: an unknown or someone else's task is a 404 at once, never a wait.
        return task(caller, id).flatMap(task -> task.isFinished() ? Uni.createFrom().item(task)
                : awaitFinish(caller, task.id, deadline));
    }

    private Uni<ExportTask> awaitFinish(CallerIdentity caller, UUID taskId, long deadline) {
        Context context = io.vertx.core.Vertx.currentContext();
        Promise<Void> woken = Promise.promise();
        // Registered before the reading, so a finish after it cannot slip by unnoticed until the next recheck.
        Runnable forget = completions.onFinish(taskId, () -> context.runOnContext(ignored -> woken.tryComplete()));
        return task(caller, taskId.toString()).flatMap(task -> {
            long remaining = deadline - System.nanoTime();
            if (task.isFinished() || remaining <= 0) {
                return Uni.createFrom().item(task);
            }
            long delay = Math.max(1, Math.min(config.taskWaitRecheck().toMillis(), remaining / 1_000_000));
            return Uni.createFrom().<Void>emitter(emitter -> {
                long timer = context.owner().setTimer(delay, ignored -> woken.tryComplete());
                woken.future().onComplete(ignored -> {
                    context.owner().cancelTimer(timer);
                    emitter.complete(null);
                });
            }).<ExportTask>map(ignored -> null);
        }).onTermination().invoke(forget)
                .flatMap(task -> task != null ? Uni.createFrom().item(task) : awaitFinish(caller, taskId, deadline));
    }

    /** The file behind a valid signed link, or null when the link is absent, forged or expired. */
    public Uni<ExportFile> signedFile(String id, String fileName, String expires, String signature) {
        UUID taskId = parse(id);
        if (taskId == null || !links.verify(taskId, expires, signature)) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> tasks.findById(taskId)).flatMap(task -> fileOf(task, fileName));
    }

    /** The file of a successful task, under the same access rule as the task. */
    public Uni<ExportFile> file(CallerIdentity caller, String id, String fileName) {
        return task(caller, id).flatMap(task -> fileOf(task, fileName));
    }

    private Uni<ExportFile> fileOf(ExportTask task, String fileName) {
        if (task == null || task.fileId == null) {
            return Uni.createFrom().failure(ApiException.notFound("Export file"));
        }
        return files.find(task.fileId).map(file -> {
            if (file == null || !file.fileName().equals(fileName)) {
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
        return Transactions.run(() -> tasks.findById(taskId).flatMap(task -> {
            if (task == null) {
                return Uni.createFrom().failure(
                        new PoisonMessageException("Export request for unknown task " + taskId, null));
            }
            if (task.isFinished()) {
                return Uni.createFrom().nullItem();
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return tasks.claim(taskId, token, now, now.plus(config.renderLease()))
                    .map(claimed -> claimed ? new Claim(taskId, token, task.eventId, task.format, task.scheduleVersion,
                            task.createdAt)
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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = UntilParserWarm.class)
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
        Format format = Format.byTaskName(claim.format()).orElse(null);
        if (format == null) {
            return complete(claim, null, "Unsupported export format " + claim.format());
        }
        long deadline = System.nanoTime() + config.freshnessTimeout().toNanos();
        return marks.await(claim.eventId(), claim.scheduleVersion(), deadline).flatMap(mark -> {
            long seen = mark.version();
            if (seen < claim.scheduleVersion()) {
                return complete(claim, null, "The export could not include every change made before it was "
                        + "requested: after " + config.freshnessTimeout().toSeconds() + " s this service had seen the "
                        + "event's schedule up to version " + seen + " of " + claim.scheduleVersion()
                        + ". Please try again later.");
            }
            return Panache.withSession(() -> events.findLive(String.valueOf(claim.eventId()))).flatMap(event -> {
                if (event == null) {
                    return complete(claim, null, "The event no longer exists.");
                }
                return files.reusable(event.id, format.taskName(), claim.scheduleVersion(), event.version,
                                event.feedEpoch)
                        .flatMap(reused -> reused != null ? Uni.createFrom().item(reused)
                                : renderFile(event, format, seen, Integer.MAX_VALUE))
                        .onItemOrFailure().transformToUni((file, failure) -> {
                            if (failure != null) {
                                LOG.warnf(failure, "Rendering task %s failed", claim.taskId());
                                return complete(claim, null, "Rendering the " + format.taskName() + " file failed: "
                                        + failure.getMessage());
                            }
                            return complete(claim, file, null);
                        });
            });
        });
    }

    /**
     * Renders what changed, plans the file of the event's whole schedule and stores it; null (nothing stored) when
     * more than {@code renderLimit} sessions need rendering.
     */
    private Uni<ExportFile> renderFile(Event event, Format format, long scheduleVersion, int renderLimit) {
        Assembler.Request request = new Assembler.Request(event, Selection.all(event.id, true), format, event.name,
                true, scheduleVersion);
        // The file's time is taken before its fragments are listed: every fragment it refers to was superseded (if at
        // all) after it, which is what the collection of superseded fragments relies on.
        OffsetDateTime planned = OffsetDateTime.now(ZoneOffset.UTC);
        return assembler.plan(request, renderLimit).flatMap(plan -> {
            if (plan == null) {
                return Uni.createFrom().nullItem();
            }
            ExportFile file = new ExportFile(UUID.randomUUID(), event.id, format.taskName(), scheduleVersion,
                    event.version, event.feedEpoch, fileName(event, format), format.contentType(), plan, planned);
            return files.insert(file).replaceWith(file);
        });
    }

    /**
     * Records the outcome in one short transaction, provided the claim is still ours: the final state, the file
     * reference and the {@code export.completed} message commit together or not at all.
     */
    private Uni<Void> complete(Claim claim, ExportFile file, String error) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String state = error == null ? ExportTask.SUCCESS : ExportTask.FAILURE;
        String downloadUrl = file == null ? null : downloadPath(claim.taskId(), file);
        return Transactions.run(() -> tasks.complete(claim.taskId(), claim.token(), state,
                        file == null ? null : file.id(), downloadUrl, error, instance, now)
                .flatMap(stillOurs -> {
                    if (!stillOurs) {
                        LOG.warnf("Task %s was claimed by another renderer meanwhile; discarding this result",
                                claim.taskId());
                        return Uni.createFrom().item(false);
                    }
                    return outbox.publish(Topics.EXPORT_RESULTS, MessageTypes.EXPORT_COMPLETED, AGGREGATE,
                            claim.taskId(), 2, completed(claim.taskId(), claim.eventId(), state, downloadUrl, error))
                            .replaceWith(true);
                }))
                .invoke(recorded -> {
                    if (recorded) {
                        metrics.finished(claim.format(), state, claim.requestedAt(),
                                file == null ? null : sizeOf(file));
                        completions.finished(claim.taskId());
                    }
                })
                .replaceWithVoid();
    }

    private ExportCompletedPayload completed(UUID taskId, long eventId, String state, String downloadPath,
                                             String error) {
        return new ExportCompletedPayload(taskId.toString(), eventId, state,
                downloadPath == null ? null : links.absolute(downloadPath), error);
    }

    /** A render claim: the task's facts the renderer needs, and the token that proves the claim. */
    private record Claim(UUID taskId, UUID token, long eventId, String format, long scheduleVersion,
                         OffsetDateTime requestedAt) {
    }

    /** The file's size in bytes, or null when it is not known (files stored before sizes were recorded). */
    private static Long sizeOf(ExportFile file) {
        long size = file.plan().size();
        return size < 0 ? null : size;
    }

    private static String downloadPath(UUID taskId, ExportFile file) {
        return "/v1/exports/" + taskId + "/" + file.fileName();
    }

    private static String fileName(Event event, Format format) {
        return event.identifier.replaceAll("[^A-Za-z0-9_-]", "_") + "." + format.extension();
    }

    private static String defaultInstance() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "export-service";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    private static UUID parse(String id) {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(id);
    }
}
