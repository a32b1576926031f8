package org.openevent.export.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * stored fragment, in batches off the event loop; a calendar is then a {@link Plan} (head, fragment ids in order,
 * separators, tail) built from a cursor over the listing, and its bytes are streamed batch by batch from the stored
 * fragments. So a re-render after one change renders one session, and no step holds a whole calendar in memory.
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

    public Assembler(ListingRepository listing, FragmentRepository fragments, ExportConfig config, Vertx vertx) {
        this.listing = listing;
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
     * Renders whatever fragments of the request's sessions are missing or outdated, then plans the calendar. A
     * session that changes while the plan is read is rendered and the plan read again.
     */
    public Uni<Plan> plan(Request request) {
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
        return listing.stale(selection, request.format().taskName())
                .flatMap(stale -> render(event, request.format(), stale))
                .flatMap(ignored -> attempt(request, event, zone, selection, 1));
    }

    private Uni<Plan> attempt(Request request, EventInfo event, ZoneId zone, Selection selection, int attempt) {
        return listing.extent(selection).flatMap(extent -> vertx.executeBlocking(() -> start(request, event, extent)))
                .flatMap(builder -> listing.planRows(selection, request.format().taskName(), zone.getId(),
                                request.format() == Format.PENTABARF)
                        .collect().in(() -> builder, PlanBuilder::accept))
                .flatMap(builder -> {
                    if (builder.missing.isEmpty()) {
                        return Uni.createFrom().item(builder.finish());
                    }
                    if (attempt >= PLAN_ATTEMPTS) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "The schedule kept changing while the calendar was assembled; try again"));
                    }
                    return render(event, request.format(), builder.missing)
                            .flatMap(ignored -> attempt(request, event, zone, selection, attempt + 1));
                });
    }

    /** The calendar's bytes: head, the fragments batch by batch with what goes between them, tail. */
    public Multi<byte[]> stream(Plan plan) {
        long[] ids = plan.fragmentIds();
        int batch = Math.max(1, config.streamBatch());
        int batches = (ids.length + batch - 1) / batch;
        Multi<byte[]> body = Multi.createFrom().range(0, batches).onItem().transformToUniAndConcatenate(index -> {
            int from = index * batch;
            int to = Math.min(ids.length, from + batch);
            return fragments.contents(ids, from, to).map(contents -> join(plan, from, contents));
        });
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(plan.head()), body, Multi.createFrom().item(plan.tail()))
                .filter(bytes -> bytes.length > 0);
    }

    /** Renders the given sessions' fragments in batches on worker threads and stores them. */
    private Uni<Void> render(EventInfo event, Format format, List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = Math.max(1, config.renderBatch());
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < sessionIds.size(); from += size) {
            batches.add(sessionIds.subList(from, Math.min(sessionIds.size(), from + size)));
        }
        return Multi.createFrom().iterable(batches).onItem().transformToUniAndConcatenate(batch -> listing.load(batch)
                        .flatMap(inputs -> vertx.executeBlocking(() -> {
                            List<FragmentRepository.Rendered> rendered = new ArrayList<>(inputs.size());
                            for (ListingRepository.RenderInput input : inputs) {
                                rendered.add(new FragmentRepository.Rendered(input.session().id(), input.renderGen(),
                                        renderer.render(format, event, input.session())));
                            }
                            return rendered;
                        }))
                        .flatMap(rendered -> fragments.store(event.id(), format.taskName(), rendered)))
                .collect().last().replaceWithVoid();
    }

    private PlanBuilder start(Request request, EventInfo event, ListingRepository.Extent extent) {
        Format format = request.format();
        if (format == Format.PENTABARF) {
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
        CalendarSyntax syntax = format.syntax();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(syntax.open(content.calendarProperties(event, request.calendarName())));
        List<CalComponent> leading = new ArrayList<>(content.timezones(event,
                extent.firstStart() == null ? null : extent.firstStart().toInstant(),
                extent.lastEnd() == null ? null : extent.lastEnd().toInstant()));
        // RFC 5545 wants at least one component: a feed that lists no session still names its event.
        CalComponent eventComponent = request.withEvent() || extent.count() == 0 ? content.event(event) : null;
        if (eventComponent != null) {
            leading.add(eventComponent);
        }
        for (int i = 0; i < leading.size(); i++) {
            if (i > 0) {
                head.writeBytes(syntax.separator());
            }
            head.writeBytes(syntax.component(leading.get(i)));
        }
        return new PlanBuilder(head.toByteArray(), syntax.separator(), leading.isEmpty() ? null : syntax.separator(),
                syntax.close());
    }

    private static byte[] join(Plan plan, int from, List<Buffer> contents) {
        int size = 0;
        for (int i = 0; i < contents.size(); i++) {
            size += contents.get(i).length() + prefix(plan, from + i).length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < contents.size(); i++) {
            byte[] prefix = prefix(plan, from + i);
            System.arraycopy(prefix, 0, out, at, prefix.length);
            at += prefix.length;
            Buffer fragment = contents.get(i);
            fragment.getBytes(out, at);
            at += fragment.length();
        }
        return out;
    }

    /** The size in bytes of the file a plan streams: its fixed parts plus its fragments. */
    public Uni<Long> size(Plan plan) {
        long fixed = plan.head().length + plan.tail().length;
        for (int i = 0; i < plan.fragmentIds().length; i++) {
            fixed += prefix(plan, i).length;
        }
        long known = fixed;
        return fragments.totalLength(plan.fragmentIds()).map(length -> known + length);
    }

    private static byte[] prefix(Plan plan, int index) {
        byte[] special = plan.prefixes().get(index);
        if (special != null) {
            return special;
        }
        return index == 0 ? new byte[0] : plan.separator();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** Collects a plan from the ordered listing rows; remembers sessions whose fragment is missing. */
    private static class PlanBuilder {
        final byte[] head;
        final byte[] separator;
        final byte[] firstPrefix;
        final Map<Integer, byte[]> prefixes = new HashMap<>();
        final List<Long> missing = new ArrayList<>();
        byte[] tail;
        long[] ids = new long[256];
        int count;

        PlanBuilder(byte[] head, byte[] separator, byte[] firstPrefix, byte[] tail) {
            this.head = head;
            this.separator = separator;
            this.firstPrefix = firstPrefix;
            this.tail = tail;
        }

        void accept(PlanRow row) {
            if (row.fragmentId() == null) {
                missing.add(row.sessionId());
                return;
            }
            if (count == 0 && firstPrefix != null) {
                prefixes.put(0, firstPrefix);
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[count++] = row.fragmentId();
        }

        Plan finish() {
            return new Plan(head, separator, Arrays.copyOf(ids, count), prefixes, tail);
        }
    }

    /** Opens and closes Pentabarf days and rooms around the events as the listing moves through them. */
    private class PentabarfPlan extends PlanBuilder {
        private final EventInfo event;
        private final LocalDate firstDay;
        private LocalDate day;
        private Long room;

        PentabarfPlan(EventInfo event, byte[] head, LocalDate firstDay) {
            super(head, new byte[0], null, null);
            this.event = event;
            this.firstDay = firstDay;
        }

        @Override
        void accept(PlanRow row) {
            if (row.fragmentId() == null) {
                missing.add(row.sessionId());
                return;
            }
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
            tail = end.toByteArray();
            return super.finish();
        }
    }
}
