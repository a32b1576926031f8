package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.persistence.NativeSql;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.AccessResolver;
import org.openevent.common.resource.Binder;
import org.openevent.common.resource.Ids;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.repository.RoomStreams;

/**
 * Facts about one event's schedule that the frontend reads as plain JSON: the days and languages of its sessions,
 * and whether it streams. The event must be visible to the caller, as for its lists (404 otherwise).
 */
@ApplicationScoped
public class EventSchedule {

    private final AccessResolver resolver;
    private final SessionRules sessions;
    private final RoomStreams streams;

    public EventSchedule(AccessResolver resolver, SessionRules sessions, RoomStreams streams) {
        this.resolver = resolver;
        this.sessions = sessions;
        this.streams = streams;
    }

    /** The days (in the event's time zone, ascending) on which public sessions start. */
    public Uni<List<String>> dates(CallerIdentity caller, String reference) {
        return Panache.withSession(() -> visibleEvent(caller, reference).flatMap(access ->
                Panache.getSession().flatMap(session -> NativeSql.column(session,
                                "SELECT DISTINCT (starts_at AT TIME ZONE $1)::date AS day FROM session "
                                        + "WHERE event_id = $2 AND deleted_at IS NULL AND starts_at IS NOT NULL "
                                        + "AND state IN ('accepted', 'confirmed') ORDER BY day",
                                zoneOf(access).getId(), access.eventId()))
                        .map(days -> days.stream().map(day -> NativeSql.asDate(day).toString()).toList())));
    }

    /** The distinct languages of the event's sessions the caller may see, sorted. */
    public Uni<List<String>> languages(CallerIdentity caller, String reference) {
        return Panache.withSession(() -> visibleEvent(caller, reference).flatMap(access -> {
            Binder binder = new Binder();
            String visible = sessions.visible(access, "x", binder);
            String hql = "select distinct x.language from Session x where x.eventId = " + binder.apply(access.eventId())
                    + " and x.deletedAt is null and x.language is not null"
                    + (visible == null ? "" : " and " + visible) + " order by x.language";
            return Panache.getSession().flatMap(session -> {
                var query = session.createSelectionQuery(hql, String.class);
                binder.parameters().forEach(query::setParameter);
                return query.getResultList();
            });
        }));
    }

    /** {@code {exists, can_access}}: whether the event or one of its rooms streams, and whether the caller may join. */
    public Uni<Map<String, Boolean>> hasStreams(CallerIdentity caller, String reference) {
        return Panache.withSession(() -> visibleEvent(caller, reference).flatMap(access -> streams.any(access.eventId())
                .map(exists -> Map.of("exists", exists, "can_access", VideoStreamRules.mayJoin(access)))));
    }

    /** The id of the event's own video stream, or null when it has none. */
    public Uni<Long> eventStream(CallerIdentity caller, String reference) {
        return Panache.withSession(() -> visibleEvent(caller, reference)
                .flatMap(access -> streams.ofEvent(access.eventId())));
    }

    private Uni<Access> visibleEvent(CallerIdentity caller, String reference) {
        return resolver.forEvent(caller, reference, Access::eventVisible).map(access -> {
            if (!access.eventVisible()) {
                throw new ApiException(404, "Not Found", "Event not found.", null,
                        Ids.isId(reference) ? "event_id" : "event_identifier");
            }
            return access;
        });
    }

    private static ZoneId zoneOf(Access access) {
        try {
            return access.event().timezone() == null ? ZoneId.of("UTC") : ZoneId.of(access.event().timezone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
