package org.openevent.common.resource;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openevent.common.security.CallerIdentity;

/**
 * Builds {@link Access} for a caller and an event. When the answer would deny the caller something (the event
 * is unknown, invisible to them, or they lack a role), the directory is refreshed from the event's owner first
 * and the answer recomputed, so a client always sees the effect of its own earlier writes (read-your-writes):
 * a just-created event, a just-published one, a just-granted role. Runs inside an open reactive session.
 */
@ApplicationScoped
public class AccessResolver {

    private final EventDirectory events;

    public AccessResolver(EventDirectory events) {
        this.events = events;
    }

    /**
     * Access to the event named by {@code reference}; when {@code enough} does not hold, the event is refreshed
     * from its owner and access computed again. The result may still fail {@code enough}: callers decide.
     */
    public Uni<Access> forEvent(CallerIdentity caller, String reference, Predicate<Access> enough) {
        // Read again after the refresh even when it changed nothing: the Kafka consumer may have applied the same
        // snapshot between the first read and the refresh.
        return load(caller, reference).flatMap(access -> enough.test(access)
                ? Uni.createFrom().item(access)
                : events.refresh(reference).flatMap(ignored -> load(caller, reference)));
    }

    public Uni<Access> forEvent(CallerIdentity caller, long eventId, Predicate<Access> enough) {
        return forEvent(caller, String.valueOf(eventId), enough);
    }

    /** Access to each of the events, for pages spanning events (no refresh: nothing is denied by it). */
    public Uni<Map<Long, Access>> forEvents(CallerIdentity caller, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Uni<Map<Long, Set<String>>> roles = caller.userId() == null ? Uni.createFrom().item(Map.of())
                : events.rolesOf(caller.userId(), eventIds);
        return events.byIds(eventIds).flatMap(facts -> roles.map(granted -> {
            Map<Long, Access> result = new HashMap<>();
            facts.forEach((id, event) -> result.put(id, new Access(caller, event, granted.getOrDefault(id, Set.of()))));
            return result;
        }));
    }

    private Uni<Access> load(CallerIdentity caller, String reference) {
        return events.byReference(reference).flatMap(event -> {
            if (event == null) {
                return Uni.createFrom().item(new Access(caller, null, Set.of()));
            }
            if (caller.userId() == null) {
                return Uni.createFrom().item(new Access(caller, event, Set.of()));
            }
            return events.rolesOf(caller.userId(), List.of(event.id()))
                    .map(roles -> new Access(caller, event, roles.getOrDefault(event.id(), Set.of())));
        });
    }
}
