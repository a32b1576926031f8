package org.openevent.export.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.EntityTags;
import org.openevent.common.security.CallerIdentity;
import org.openevent.export.calendar.Format;
import org.openevent.export.client.ScheduleVersions;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.domain.Event;
import org.openevent.export.domain.Selection;
import org.openevent.export.repository.EventRepository;
import org.openevent.export.repository.ListingRepository;
import org.openevent.export.repository.ScheduleWatermarkRepository;

/**
 * Live calendar feeds: an event's own calendar (with its sessions on request), per track, room and speaker, and a
 * user's favourites behind a secret token. Only published, live events have feeds (anything else is the same 404);
 * sessions are listed only once the schedule is published ({@code schedule-published-on} set), and then only
 * scheduled ones and, for their listing period, cancellations (a feed that lists no session still holds the event's
 * own entry: RFC 5545 wants at least one component). A feed first waits (bounded) until the projection
 * has seen session-service's current schedule version; its strong ETag names exactly what it would render (event
 * version, feed epoch, schedule watermark, selection and format), so a matching {@code If-None-Match} is answered
 * 304 without rendering anything.
 */
@ApplicationScoped
public class FeedService {

    /** Bumped whenever rendering changes, so no client keeps a calendar rendered by older code. */
    private static final String RENDERING = "feeds-1";

    private final EventRepository events;
    private final ListingRepository listing;
    private final ScheduleMarks marks;
    private final ScheduleVersions scheduleVersions;
    private final FeedTokens tokens;
    private final Assembler assembler;
    private final ExportConfig config;
    private final String settings;

    public FeedService(EventRepository events, ListingRepository listing, ScheduleMarks marks,
                       ScheduleVersions scheduleVersions, FeedTokens tokens, Assembler assembler,
                       ExportConfig config) {
        this.events = events;
        this.listing = listing;
        this.marks = marks;
        this.scheduleVersions = scheduleVersions;
        this.tokens = tokens;
        this.assembler = assembler;
        this.config = config;
        this.settings = String.join("|", RENDERING, config.productId(), config.publicBaseUrl(), config.uidDomain(),
                config.timezoneMargin().toString(), config.feeds().refresh().toString());
    }

    /** Which feed of an event: its own, one track's, room's or speaker's, or the favourites behind a token. */
    public enum Scope { EVENT, TRACK, ROOM, SPEAKER, MY_SCHEDULE }

    /**
     * A feed request: the event, the scope and its key (track, room or speaker id, or the token), the format, the
     * original's flags ({@code include_sessions}, {@code my_schedule}), whether cancellations are left out, and the
     * client's validators.
     */
    public record Query(String reference, Scope scope, String key, Format format, boolean includeSessions,
                        boolean mySchedule, boolean excludeCancelled, String ifNoneMatch, String ifModifiedSince) {
    }

    /**
     * The answer: not modified, or the body to stream. {@code personal} feeds must only be cached privately.
     */
    public record Feed(boolean notModified, String etag, OffsetDateTime lastModified, boolean personal,
                       long maxAgeSeconds, Format format, String fileName, long length, Multi<byte[]> body) {
    }

    /** What a feed holds once its scope is resolved. */
    private record Scoped(Event event, Selection selection, String calendarName, boolean withEvent, boolean personal,
                          String fileName) {
    }

    public Uni<Feed> feed(CallerIdentity caller, Query query) {
        return Panache.withSession(() -> events.findLive(query.reference()))
                .flatMap(event -> {
                    if (event == null || !event.isPublic()) {
                        return Uni.createFrom().failure(ApiException.notFound("Event"));
                    }
                    return scope(caller, event, query);
                })
                .flatMap(scoped -> freshMark(scoped.event().id).flatMap(mark -> answer(query, scoped, mark)));
    }

    private Uni<Scoped> scope(CallerIdentity caller, Event event, Query query) {
        boolean withCancelled = !query.excludeCancelled();
        String base = event.identifier.replaceAll("[^A-Za-z0-9_-]", "_");
        String extension = "." + query.format().extension();
        switch (query.scope()) {
            case EVENT -> {
                if (query.mySchedule()) {
                    long userId = caller.requireUser();
                    return Uni.createFrom().item(new Scoped(event, listed(event, Selection.Kind.FAVOURITES, userId,
                            withCancelled), event.name + " — My schedule", true, true, base + "-my-schedule" + extension));
                }
                boolean sessions = query.includeSessions() || query.format() == Format.PENTABARF;
                return Uni.createFrom().item(new Scoped(event, listed(event,
                        sessions ? Selection.Kind.ALL : Selection.Kind.NONE, 0, withCancelled), event.name, true,
                        false, base + extension));
            }
            case MY_SCHEDULE -> {
                return tokens.owner(query.key()).map(userId -> {
                    if (userId == null) {
                        throw ApiException.notFound("Calendar");
                    }
                    return new Scoped(event, listed(event, Selection.Kind.FAVOURITES, userId, withCancelled),
                            event.name + " — My schedule", false, true, base + "-my-schedule" + extension);
                });
            }
            default -> {
                Selection.Kind kind = switch (query.scope()) {
                    case TRACK -> Selection.Kind.TRACK;
                    case ROOM -> Selection.Kind.ROOM;
                    default -> Selection.Kind.SPEAKER;
                };
                String what = switch (kind) {
                    case TRACK -> "Track";
                    case ROOM -> "Microlocation";
                    default -> "Speaker";
                };
                if (query.key() == null || !query.key().matches("\\d{1,18}")) {
                    return Uni.createFrom().failure(ApiException.notFound(what));
                }
                long id = Long.parseLong(query.key());
                return listing.scopeName(kind, id, event.id).map(name -> {
                    if (name == null) {
                        throw ApiException.notFound(what);
                    }
                    return new Scoped(event, listed(event, kind, id, withCancelled), event.name + " — " + name, false,
                            false, base + "-" + what.toLowerCase() + "-" + id + extension);
                });
            }
        }
    }

    /** The selection, or no sessions at all while the schedule is not published. */
    private static Selection listed(Event event, Selection.Kind kind, long key, boolean withCancelled) {
        return new Selection(event.id, event.isSchedulePublic() ? kind : Selection.Kind.NONE, key, withCancelled);
    }

    private Uni<Feed> answer(Query query, Scoped scoped, ScheduleWatermarkRepository.Mark mark) {
        Event event = scoped.event();
        Selection selection = scoped.selection();
        String etag = etag(String.join("|", settings, query.format().name(), selection.kind().name(),
                String.valueOf(selection.key()), String.valueOf(selection.withCancelled()),
                String.valueOf(scoped.withEvent()), String.valueOf(event.id), String.valueOf(event.version),
                String.valueOf(event.feedEpoch), String.valueOf(mark.version())));
        OffsetDateTime lastModified = latest(latest(mark.movedAt(), event.updatedAt), event.feedEpochAt)
                .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        long maxAge = config.feeds().refresh().toSeconds();
        if (notModified(query, etag, lastModified)) {
            return Uni.createFrom().item(new Feed(true, etag, lastModified, scoped.personal(), maxAge, query.format(),
                    scoped.fileName(), 0, Multi.createFrom().empty()));
        }
        return assembler.plan(new Assembler.Request(event, selection, query.format(), scoped.calendarName(),
                        scoped.withEvent(), mark.version()))
                .map(plan -> new Feed(false, etag, lastModified, scoped.personal(), maxAge, query.format(),
                        scoped.fileName(), plan.size(), assembler.stream(plan)));
    }

    /**
     * The projection's watermark once it has reached session-service's current schedule version of the event, or
     * when {@code feeds.freshness-timeout} runs out; without an answer from session-service, the watermark as is.
     */
    private Uni<ScheduleWatermarkRepository.Mark> freshMark(long eventId) {
        long deadline = System.nanoTime() + config.feeds().freshnessTimeout().toNanos();
        return scheduleVersions.current(eventId).onFailure().recoverWithItem(-1L)
                .flatMap(target -> marks.await(eventId, target, deadline));
    }

    /** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since against Last-Modified. */
    private static boolean notModified(Query query, String etag, OffsetDateTime lastModified) {
        if (query.ifNoneMatch() != null) {
            return EntityTags.matches(query.ifNoneMatch(), etag);
        }
        if (query.ifModifiedSince() == null) {
            return false;
        }
        try {
            ZonedDateTime since = ZonedDateTime.parse(query.ifModifiedSince().trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return !lastModified.toInstant().isAfter(since.toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String etag(String facts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
