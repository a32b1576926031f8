package org.openevent.stats.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.EventDirectory;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.common.resource.ValueType;
import org.openevent.stats.domain.EventGeneralStatistics;

/**
 * An event's general statistics ({@code event-statistics-general}, id = the event's id), for the event's owner,
 * organizers, co-organizers and admins. Served at {@code /v1/events/<id or identifier>/general-statistics} and, for
 * includes from event-service, at {@code /internal/resources/event-statistics-general}.
 */
@ApplicationScoped
public class EventStatisticsRules implements ResourceRules<EventGeneralStatistics> {

    public static final String TYPE_NAME = "event-statistics-general";

    static final ResourceType<EventGeneralStatistics> TYPE = ResourceType.define(TYPE_NAME, TYPE_NAME,
                    EventGeneralStatistics.class, EventGeneralStatistics::new)
            .string("identifier", s -> s.identifier, null).noFilter()
            .computed("sessions-draft", ValueType.LONG, s -> s.sessionsDraft)
            .computed("sessions-submitted", ValueType.LONG, s -> s.sessions() - s.sessionsDraft)
            .computed("sessions-accepted", ValueType.LONG, s -> s.sessionsAccepted)
            .computed("sessions-confirmed", ValueType.LONG, s -> s.sessionsConfirmed)
            .computed("sessions-pending", ValueType.LONG, s -> s.sessionsPending)
            .computed("sessions-rejected", ValueType.LONG, s -> s.sessionsRejected)
            .computed("sessions-withdrawn", ValueType.LONG, s -> s.sessionsWithdrawn)
            .computed("sessions-canceled", ValueType.LONG, s -> s.sessionsCanceled)
            .computed("speakers", ValueType.JSON, EventStatisticsRules::speakers)
            .computed("sessions", ValueType.LONG, EventGeneralStatistics::sessions)
            // Sponsors belong to event-service, which publishes nothing about them: unknown here, so null, not 0.
            .computed("sponsors", ValueType.LONG, s -> null)
            .computed("speaker-without-session", ValueType.LONG, s -> s.speakersWithoutSession)
            .isEvent()
            .selfLinks("/v1/events/{id}/general-statistics")
            .describedAs("Figures of one event that is not deleted. sessions = sessions that are not deleted, in"
                    + " any state; sessions-<state> = those in that state; sessions-submitted = those that are not"
                    + " drafts (the original served every session there). speakers.<state> = distinct speakers (not"
                    + " deleted) with at least one such session in that state, speakers.total = those with at least"
                    + " one such session in any state (the original summed the states, counting a speaker once per"
                    + " state); speaker-without-session = speakers (not deleted) with no such session. sponsors is"
                    + " null: sponsors are not published to this service.")
            .build();

    private final EventDirectory events;

    public EventStatisticsRules(EventDirectory events) {
        this.events = events;
    }

    @Override
    public ResourceType<EventGeneralStatistics> type() {
        return TYPE;
    }

    /** Owner, organizers and co-organizers of a visible event, and admins. */
    public static boolean mayRead(Access access) {
        return access.eventVisible() && access.isCoorganizer();
    }

    @Override
    public boolean canSee(Access access, EventGeneralStatistics row) {
        return access.isCoorganizer();
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.isStaff() || access.event() != null && access.isCoorganizer()) {
            return null;
        }
        if (!access.isSignedIn()) {
            return "1 = 0";
        }
        return alias + ".id in (" + events.eventsWithRoles(bind.apply(access.caller().userId()),
                bind.apply(Roles.COORGANIZERS)) + ")";
    }

    private static Map<String, Long> speakers(EventGeneralStatistics s) {
        Map<String, Long> speakers = new LinkedHashMap<>();
        speakers.put("draft", s.speakersDraft);
        speakers.put("pending", s.speakersPending);
        speakers.put("accepted", s.speakersAccepted);
        speakers.put("confirmed", s.speakersConfirmed);
        speakers.put("rejected", s.speakersRejected);
        speakers.put("withdrawn", s.speakersWithdrawn);
        speakers.put("canceled", s.speakersCanceled);
        speakers.put("total", s.speakersTotal);
        return speakers;
    }
}
