package org.openevent.export.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openevent.export.calendar.CalComponent;
import org.openevent.export.calendar.CalendarContent;
import org.openevent.export.calendar.CalendarSyntax;
import org.openevent.export.calendar.EventInfo;
import org.openevent.export.calendar.Format;
import org.openevent.export.calendar.FragmentRenderer;
import org.openevent.export.calendar.Pentabarf;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.domain.Event;
import org.openevent.export.domain.Plan;
import org.openevent.export.domain.Selection;
import org.openevent.export.repository.FragmentRepository;
import org.openevent.export.repository.ListingRepository;
import org.openevent.export.repository.ListingRepository.PlanRow;

/**
 * Assembles calendars incrementally and streams them. Each session is rendered once per render generation into a
 * stored fragment, in overlapping batches off the event loop; a calendar is then a {@link Plan} (head, fragment ids
 * in order, separators, tail) built in one pass of a cursor over the listing (for a whole schedule: from the listing
 * its last plan left in {@link ListingMemory} and the sessions changed since), and its bytes are streamed batch by
 * batch from the stored fragments. So a re-render after one change renders one session and reads one listing row,
 * and no step holds a whole calendar in memory.
 */
@ApplicationScoped
public class Assembler {

    /** How often planning starts over when sessions change while a calendar is being planned. */
    private static final int PLAN_ATTEMPTS = 4;

    private final ListingRepository listing;
    private final FragmentRepository fragments;
    private final ExportConfig config;
    private final Vertx vertx;
    private final CalendarContent content;
    private final Pentabarf pentabarf;
    private final FragmentRenderer renderer;
    private final ListingMemory memory;

    public Assembler(ListingRepository listing, FragmentRepository fragments, ExportConfig config, Vertx vertx,
                     ListingMemory memory) {
        this.listing = listing;
        this.memory = memory;
        this.fragments = fragments;
        this.config = config;
        this.vertx = vertx;
        this.content = new CalendarContent(new CalendarContent.Settings(config.productId(), config.publicBaseUrl(),
                config.uidDomain(), config.timezoneMargin(), config.feeds().refresh()));
        this.pentabarf = new Pentabarf(content);
        this.renderer = new FragmentRenderer(content, pentabarf);
    }

    /** What a calendar is: which sessions, in which format, under which name, with the event's own entry or not. */
    public record Request(Event event, Selection selection, Format format, String calendarName, boolean withEvent,
                         long scheduleVersion) {
    }

    /** The event as the renderers see it. */
    public static EventInfo info(Event event) {
        return new EventInfo(event.id, event.identifier, event.name, event.description, event.timezone,
                event.locationName, event.latitude, event.longitude, event.startsAt, event.endsAt, event.version,
                event.updatedAt);
    }

    /**
     * Plans the calendar in one ordered pass over the listing; sessions whose fragment is missing or outdated are
     * rendered afterwards and take the places kept for them. When one of them changed again meanwhile, the pass is
     * made again, so a plan never mixes generations.
     */
    public Uni<Plan> plan(Request request) {
        return plan(request, Integer.MAX_VALUE);
    }

    /**
     * {@link #plan(Request)}, or null (nothing rendered) when more than {@code renderLimit} sessions lack a current
     * fragment: what a caller that must answer quickly can afford.
     */
    public Uni<Plan> plan(Request request, int renderLimit) {
        EventInfo event = info(request.event());
        ZoneId zone;
        try {
            zone = CalendarContent.zoneOf(event);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        Selection selection = request.format() == Format.PENTABARF
                ? new Selection(event.id(), request.selection().kind(), request.selection().key(), false)
                : request.selection();
        return attempt(request, event, zone, selection, renderLimit, 1);
    }

    private Uni<Plan> attempt(Request request, EventInfo event, ZoneId zone, Selection selection, int renderLimit,
                              int attempt) {
        Format format = request.format();
        // A calendar of the whole schedule starts from the listing its last plan remembered and reads only what
        // changed since; Pentabarf (grouped by day and room) and filtered calendars make the whole pass.
        ListingMemory.Key key = format != Format.PENTABARF && selection.kind() == Selection.Kind.ALL
                ? new ListingMemory.Key(event.id(), format.taskName(), selection.withCancelled()) : null;
        ListingMemory.Listing base = key == null ? null
                : memory.recall(key, request.event().version, request.event().feedEpoch);
        // Pentabarf numbers its days from the first one, so it needs the extent before the pass; the calendars
        // learn it during the pass and write their head (time zones, the event) after it.
        Uni<PlanBuilder> started = format == Format.PENTABARF
                ? listing.extent(selection).flatMap(extent -> vertx.executeBlocking(() -> pentabarfPlan(request,
                        event, extent)))
                : Uni.createFrom().item(() -> new CalendarPlan(request, event));
        return started
                .flatMap(builder -> base == null ? wholePass(builder, selection, format, zone, renderLimit)
                        : listing.changedSince(selection, format.taskName(), base.scheduleVersion(),
                                        base.size() / 2 + 100)
                                .flatMap(changes -> changes == null
                                        ? wholePass(builder, selection, format, zone, renderLimit)
                                        : Uni.createFrom().item(() -> replay(base, changes, builder))))
                .flatMap(builder -> {
                    if (builder.missing.isEmpty()) {
                        return vertx.executeBlocking(() -> finish(builder, key, request, base));
                    }
                    if (builder.missing.size() > renderLimit) {
                        return Uni.createFrom().nullItem();
                    }
                    if (attempt >= PLAN_ATTEMPTS) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "The schedule kept changing while the calendar was assembled; try again"));
                    }
                    return render(event, format, builder.missingSessions(), builder.fragmentBytes)
                            .flatMap(stored -> builder.fill(stored)
                            ? vertx.executeBlocking(() -> finish(builder, key, request, base))
                            : attempt(request, event, zone, selection, renderLimit, attempt + 1));
                });
    }

    private Uni<PlanBuilder> wholePass(PlanBuilder builder, Selection selection, Format format, ZoneId zone,
                                       int renderLimit) {
        Multi<PlanRow> rows = listing.planRows(selection, format.taskName(), zone.getId(), format == Format.PENTABARF)
                .onItem().invoke(builder::accept);
        if (renderLimit != Integer.MAX_VALUE) {
            // A caller that can only afford a few renders stops reading (and closes the cursor) once it needs more.
            rows = rows.select().first(row -> builder.missing.size() <= renderLimit);
        }
        return rows.onItem().ignoreAsUni().replaceWith(builder);
    }

    /**
     * Feeds the builder a remembered listing with the changed sessions taken out and those of them still listed
     * merged back in at their places: the same rows, in the same order, as a whole pass would read now.
     */
    private static PlanBuilder replay(ListingMemory.Listing base, ListingRepository.Changes changes,
                                      PlanBuilder builder) {
        // Sorted for binary search: a set of boxed ids would box every id of the listing to look it up.
        long[] changed = changes.sessionIds().clone();
        Arrays.sort(changed);
        List<PlanRow> listed = changes.listed();
        int next = 0;
        for (int i = 0; i < base.size(); i++) {
            long id = base.sessionIds()[i];
            if (Arrays.binarySearch(changed, id) >= 0) {
                continue;
            }
            long start = base.startsAt()[i];
            while (next < listed.size() && before(listed.get(next), start, id)) {
                builder.accept(listed.get(next++));
            }
            builder.add(id, base.renderGens()[i], base.fragmentIds()[i], base.fragmentLengths()[i], start,
                    base.endsAt()[i]);
        }
        while (next < listed.size()) {
            builder.accept(listed.get(next++));
        }
        return builder;
    }

    /** Whether the row comes before the session listed at {@code start} with {@code id}: by start, then by id. */
    private static boolean before(PlanRow row, long start, long id) {
        long rowStart = micros(row.startsAt());
        return rowStart < start || rowStart == start && row.sessionId() < id;
    }

    /** Finishes the plan and remembers the listing of a whole schedule for the next plan to start from. */
    private Plan finish(PlanBuilder builder, ListingMemory.Key key, Request request, ListingMemory.Listing base) {
        Plan plan = builder.finish();
        if (key != null) {
            // Everything the base held plus everything since: valid up to the later of the two versions.
            long version = Math.max(request.scheduleVersion(), base == null ? 0 : base.scheduleVersion());
            memory.remember(key, builder.listing(version, request.event().version, request.event().feedEpoch));
        }
        return plan;
    }

    /** The calendar's bytes: head, the fragments batch by batch with what goes between them, tail. */
    public Multi<byte[]> stream(Plan plan) {
        long[] ids = plan.fragmentIds();
        int batch = Math.max(1, config.streamBatch());
        int batches = (ids.length + batch - 1) / batch;
        boolean keep = fragments.keeps(plan.size());
        // One batch is read ahead while the previous one is written out, so the database and the client overlap.
        AtomicReference<Uni<byte[]>> ahead = new AtomicReference<>();
        Multi<byte[]> body = Multi.createFrom().range(0, batches).onItem().transformToUniAndConcatenate(index -> {
            Uni<byte[]> current = ahead.getAndSet(null);
            if (current == null) {
                current = batchBytes(plan, index, batch, keep);
            }
            if (index + 1 < batches) {
                Uni<byte[]> next = batchBytes(plan, index + 1, batch, keep).memoize().indefinitely();
                next.subscribe().with(ignored -> { }, ignored -> { });
                ahead.set(next);
            }
            return current;
        });
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(plan.head()), body, Multi.createFrom().item(plan.tail()))
                .filter(bytes -> bytes.length > 0);
    }

    private Uni<byte[]> batchBytes(Plan plan, int index, int batch, boolean keep) {
        long[] ids = plan.fragmentIds();
        int from = index * batch;
        int to = Math.min(ids.length, from + batch);
        return fragments.contents(ids, from, to, keep).map(contents -> join(plan, from, contents));
    }

    /**
     * Renders the given sessions' fragments in batches on worker threads and stores them; returns what was stored.
     * While the file they complete (its other fragments take {@code knownBytes}, the rest is extrapolated from what
     * was rendered so far) is small enough for the fragment cache, they are kept in memory as they are stored, so
     * the file's first download streams from memory too.
     */
    private Uni<List<FragmentRepository.Stored>> render(EventInfo event, Format format, List<Long> sessionIds,
                                                        long knownBytes) {
        int size = Math.max(1, config.renderBatch());
        AtomicLong renderedBytes = new AtomicLong();
        AtomicLong renderedCount = new AtomicLong();
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < sessionIds.size(); from += size) {
            batches.add(sessionIds.subList(from, Math.min(sessionIds.size(), from + size)));
        }
        // Batches overlap (one loads or stores while another renders) and render on worker threads side by side,
        // hence an unordered executeBlocking: an ordered one would queue them behind each other on this context.
        return Multi.createFrom().iterable(batches).onItem().transformToUni(batch -> listing.load(batch)
                        .flatMap(inputs -> vertx.executeBlocking(() -> {
                            List<FragmentRepository.Rendered> rendered = new ArrayList<>(inputs.size());
                            for (ListingRepository.RenderInput input : inputs) {
                                rendered.add(new FragmentRepository.Rendered(input.session().id(), input.renderGen(),
                                        renderer.render(format, event, input.session())));
                            }
                            return rendered;
                        }, false))
                        .flatMap(rendered -> {
                            long bytes = 0;
                            for (FragmentRepository.Rendered fragment : rendered) {
                                bytes += fragment.content().length;
                            }
                            long count = renderedCount.addAndGet(rendered.size());
                            long fileBytes = knownBytes + renderedBytes.addAndGet(bytes) * sessionIds.size()
                                    / Math.max(1, count);
                            return fragments.store(event.id(), format.taskName(), rendered,
                                    fragments.keeps(fileBytes));
                        }))
                .merge(Math.max(1, config.renderConcurrency()))
                .collect().in(ArrayList<FragmentRepository.Stored>::new, List::addAll)
                .map(stored -> (List<FragmentRepository.Stored>) stored);
    }

    private PlanBuilder pentabarfPlan(Request request, EventInfo event, ListingRepository.Extent extent) {
        LocalDate first = earliest(event.startsAt() == null ? null : Pentabarf.dayOf(event, event.startsAt()),
                extent.firstStart() == null ? null : Pentabarf.dayOf(event, extent.firstStart()));
        LocalDate last = latest(event.endsAt() == null ? null : Pentabarf.dayOf(event, event.endsAt()),
                extent.lastStart() == null ? null : Pentabarf.dayOf(event, extent.lastStart()));
        if (first == null) {
            first = LocalDate.now(CalendarContent.zoneOf(event));
        }
        if (last == null || last.isBefore(first)) {
            last = first;
        }
        return new PentabarfPlan(event, pentabarf.open(event, request.scheduleVersion(), first, last), first);
    }

    private static byte[] join(Plan plan, int from, List<byte[]> contents) {
        int size = 0;
        for (int i = 0; i < contents.size(); i++) {
            size += contents.get(i).length + plan.prefix(from + i).length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < contents.size(); i++) {
            byte[] prefix = plan.prefix(from + i);
            System.arraycopy(prefix, 0, out, at, prefix.length);
            at += prefix.length;
            byte[] fragment = contents.get(i);
            System.arraycopy(fragment, 0, out, at, fragment.length);
            at += fragment.length;
        }
        return out;
    }

    /** A listed time in microseconds since the epoch (PostgreSQL's precision); {@code NO_TIME} for none. */
    private static long micros(OffsetDateTime time) {
        return time == null ? ListingMemory.Listing.NO_TIME
                : time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * Collects a plan from the ordered listing rows. A session without a current fragment keeps its place (and the
     * generation it was listed at) until {@link #fill} puts the fragment rendered for it there.
     */
    private abstract static class PlanBuilder {
        final Map<Integer, byte[]> prefixes = new HashMap<>();
        final List<long[]> missing = new ArrayList<>();
        long[] ids = new long[256];
        long[] sessionIds = new long[256];
        long[] starts = new long[256];
        long[] ends = new long[256];
        long[] generations = new long[256];
        int[] lengths = new int[256];
        int count;
        long fragmentBytes;

        void accept(PlanRow row) {
            add(row.sessionId(), row.renderGen(), row.fragmentId() == null ? 0 : row.fragmentId(),
                    row.fragmentLength(), micros(row.startsAt()), micros(row.endsAt()));
        }

        /** The next session in file order; fragment id 0 when it has no current fragment. */
        void add(long sessionId, long renderGen, long fragmentId, int length, long start, long end) {
            if (count == ids.length) {
                int grown = ids.length * 2;
                ids = Arrays.copyOf(ids, grown);
                sessionIds = Arrays.copyOf(sessionIds, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                generations = Arrays.copyOf(generations, grown);
                lengths = Arrays.copyOf(lengths, grown);
            }
            sessionIds[count] = sessionId;
            starts[count] = start;
            ends[count] = end;
            generations[count] = renderGen;
            if (fragmentId == 0) {
                missing.add(new long[] {count, sessionId, renderGen});
            } else {
                fragmentBytes += length;
                lengths[count] = length;
            }
            ids[count++] = fragmentId;
        }

        List<Long> missingSessions() {
            List<Long> sessions = new ArrayList<>(missing.size());
            for (long[] place : missing) {
                sessions.add(place[1]);
            }
            return sessions;
        }

        /** Puts the stored fragments in their places; false when one is not of the generation that was listed. */
        boolean fill(List<FragmentRepository.Stored> stored) {
            Map<Long, FragmentRepository.Stored> bySession = new HashMap<>(stored.size() * 2);
            for (FragmentRepository.Stored fragment : stored) {
                bySession.put(fragment.sessionId(), fragment);
            }
            for (long[] place : missing) {
                FragmentRepository.Stored fragment = bySession.get(place[1]);
                if (fragment == null || fragment.renderGen() != place[2]) {
                    return false;
                }
                ids[(int) place[0]] = fragment.id();
                lengths[(int) place[0]] = fragment.length();
                fragmentBytes += fragment.length();
            }
            missing.clear();
            return true;
        }

        /** The complete listing (every fragment in place) as a plan of it remembers it. */
        ListingMemory.Listing listing(long scheduleVersion, long eventVersion, long feedEpoch) {
            return new ListingMemory.Listing(scheduleVersion, eventVersion, feedEpoch,
                    Arrays.copyOf(sessionIds, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                    Arrays.copyOf(generations, count), Arrays.copyOf(ids, count), Arrays.copyOf(lengths, count));
        }

        abstract Plan finish();
    }

    /** An iCalendar, xCal or jCal plan: the head (time zones spanning the sessions, the event) follows the pass. */
    private class CalendarPlan extends PlanBuilder {
        private final Request request;
        private final EventInfo event;
        private long firstStart = ListingMemory.Listing.NO_TIME;
        private long lastEnd = Long.MIN_VALUE;

        CalendarPlan(Request request, EventInfo event) {
            this.request = request;
            this.event = event;
        }

        @Override
        void add(long sessionId, long renderGen, long fragmentId, int length, long start, long end) {
            firstStart = Math.min(firstStart, start);
            if (end != ListingMemory.Listing.NO_TIME) {
                lastEnd = Math.max(lastEnd, end);
            }
            super.add(sessionId, renderGen, fragmentId, length, start, end);
        }

        @Override
        Plan finish() {
            CalendarSyntax syntax = request.format().syntax();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(syntax.open(content.calendarProperties(event, request.calendarName())));
            List<CalComponent> leading = new ArrayList<>(content.timezones(event,
                    firstStart == ListingMemory.Listing.NO_TIME ? null : instant(firstStart),
                    lastEnd == Long.MIN_VALUE ? null : instant(lastEnd)));
            // RFC 5545 wants at least one component: a feed that lists no session still names its event.
            if (request.withEvent() || count == 0) {
                leading.add(content.event(event));
            }
            for (int i = 0; i < leading.size(); i++) {
                if (i > 0) {
                    head.writeBytes(syntax.separator());
                }
                head.writeBytes(syntax.component(leading.get(i)));
            }
            if (count > 0 && !leading.isEmpty()) {
                prefixes.put(0, syntax.separator());
            }
            return new Plan(head.toByteArray(), syntax.separator(), Arrays.copyOf(ids, count), prefixes,
                    syntax.close(), fragmentBytes);
        }
    }

    /** Opens and closes Pentabarf days and rooms around the events as the listing moves through them. */
    private class PentabarfPlan extends PlanBuilder {
        private final EventInfo event;
        private final byte[] head;
        private final LocalDate firstDay;
        private LocalDate day;
        private Long room;

        PentabarfPlan(EventInfo event, byte[] head, LocalDate firstDay) {
            this.event = event;
            this.head = head;
            this.firstDay = firstDay;
        }

        @Override
        void accept(PlanRow row) {
            long roomKey = row.roomId() == null ? 0 : row.roomId();
            ByteArrayOutputStream prefix = new ByteArrayOutputStream();
            if (!row.day().equals(day)) {
                if (day != null) {
                    prefix.writeBytes(pentabarf.roomClose());
                    prefix.writeBytes(pentabarf.dayClose());
                }
                prefix.writeBytes(pentabarf.dayOpen(event, firstDay, row.day(), row.dayStart(), row.dayEnd()));
                prefix.writeBytes(pentabarf.roomOpen(Pentabarf.roomOf(event, row.roomName())));
            } else if (!Objects.equals(roomKey, room)) {
                prefix.writeBytes(pentabarf.roomClose());
                prefix.writeBytes(pentabarf.roomOpen(Pentabarf.roomOf(event, row.roomName())));
            }
            day = row.day();
            room = roomKey;
            if (prefix.size() > 0) {
                prefixes.put(count, prefix.toByteArray());
            }
            super.accept(row);
        }

        @Override
        Plan finish() {
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            if (day != null) {
                end.writeBytes(pentabarf.roomClose());
                end.writeBytes(pentabarf.dayClose());
            }
            end.writeBytes(pentabarf.close());
            return new Plan(head, new byte[0], Arrays.copyOf(ids, count), prefixes, end.toByteArray(),
                    fragmentBytes);
        }
    }
}
