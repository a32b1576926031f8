package org.openevent.stats.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openevent.common.security.CallerIdentity;
import org.openevent.stats.domain.Figures;
import org.openevent.stats.domain.Figures.DayCount;
import org.openevent.stats.repository.FigureRepository;

/**
 * The platform's statistics: the admin dashboard's figures (admins only) and the event type and topic counts (any
 * signed-in user). Each read looks up a fixed set of maintained figures; none counts rows.
 */
@ApplicationScoped
public class AdminStatisticsService {

    /** Days in the per-day series, ending today (UTC). */
    public static final int DAYS = 30;

    private static final List<String> EVENT_FIGURES = List.of("events.draft", "events.published", "events.past");
    private static final List<String> SESSION_FIGURES = StatisticsInputs.SESSION_STATES.stream()
            .map(state -> "sessions." + state).toList();
    private static final List<String> USER_FIGURES = List.of("users.super-admin", "users.admin", "users.verified",
            "users.unverified", "users.owner", "users.organizer", "users.coorganizer", "users.track-organizer");
    private static final List<String> GROUP_FIGURES = List.of("groups.groups", "groups.group-events",
            "groups.followers");
    private static final String CREATED = "events.created@";
    private static final String SUBMITTED = "sessions.submitted@";
    private static final String SIGNED_UP = "users.signed-up@";

    private final FigureRepository figures;

    public AdminStatisticsService(FigureRepository figures) {
        this.figures = figures;
    }

    @WithSession
    public Uni<Figures.Events> events(CallerIdentity caller) {
        caller.requireAdmin();
        return figures.platform(EVENT_FIGURES, CREATED, first(), today())
                .flatMap(found -> figures.endedSinceRollOver().map(ended -> new Figures.Events(
                        value(found, "events.draft"), value(found, "events.published") - ended,
                        value(found, "events.past") + ended, series(found, CREATED))));
    }

    @WithSession
    public Uni<Figures.Sessions> sessions(CallerIdentity caller) {
        caller.requireAdmin();
        return figures.platform(SESSION_FIGURES, SUBMITTED, first(), today()).map(found -> {
            long all = SESSION_FIGURES.stream().mapToLong(name -> value(found, name)).sum();
            return new Figures.Sessions(value(found, "sessions.draft"), all - value(found, "sessions.draft"),
                    value(found, "sessions.accepted"), value(found, "sessions.confirmed"),
                    value(found, "sessions.pending"), value(found, "sessions.rejected"),
                    value(found, "sessions.withdrawn"), value(found, "sessions.canceled"), series(found, SUBMITTED));
        });
    }

    /** Tickets are not offered by this platform, so there are no attendees to count. */
    @WithSession
    public Uni<Figures.Users> users(CallerIdentity caller) {
        caller.requireAdmin();
        return figures.platform(USER_FIGURES, SIGNED_UP, first(), today()).map(found -> new Figures.Users(
                value(found, "users.super-admin"), value(found, "users.admin"), value(found, "users.verified"),
                value(found, "users.unverified"), value(found, "users.owner"), value(found, "users.organizer"),
                value(found, "users.coorganizer"), value(found, "users.track-organizer"), 0,
                series(found, SIGNED_UP)));
    }

    @WithSession
    public Uni<Figures.Mails> mails(CallerIdentity caller) {
        caller.requireAdmin();
        return figures.mailWindows().map(found -> new Figures.Mails(value(found, "one-day"),
                value(found, "three-days"), value(found, "seven-days"), value(found, "thirty-days")));
    }

    @WithSession
    public Uni<Figures.Groups> groups(CallerIdentity caller) {
        caller.requireAdmin();
        return figures.platform(GROUP_FIGURES).map(found ->
                new Figures.Groups(value(found, "groups.groups"), value(found, "groups.group-events"),
                        value(found, "groups.followers")));
    }

    @WithSession
    public Uni<List<Figures.TaxonomyCount>> eventTypes(CallerIdentity caller) {
        caller.requireUser();
        return figures.taxonomy(StatisticsInputs.EVENT_TYPE);
    }

    @WithSession
    public Uni<List<Figures.TaxonomyCount>> eventTopics(CallerIdentity caller) {
        caller.requireUser();
        return figures.taxonomy(StatisticsInputs.EVENT_TOPIC);
    }

    /** The last {@link #DAYS} days of a daily figure among {@code found}, oldest first, days without any as 0. */
    private static List<DayCount> series(Map<String, Long> found, String prefix) {
        List<DayCount> series = new ArrayList<>(DAYS);
        for (LocalDate day = first(), today = today(); !day.isAfter(today); day = day.plusDays(1)) {
            series.add(new DayCount(day, value(found, prefix + day)));
        }
        return series;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static LocalDate first() {
        return today().minusDays(DAYS - 1L);
    }

    private static long value(Map<String, Long> found, String name) {
        return found.getOrDefault(name, 0L);
    }
}
