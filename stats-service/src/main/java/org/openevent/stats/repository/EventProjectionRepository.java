package org.openevent.stats.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.stats.domain.EventProjection;

/** The event projection and the aggregate counts computed over it. */
@ApplicationScoped
public class EventProjectionRepository implements PanacheRepositoryBase<EventProjection, Long> {

    /*
     * One pass over the live rows. An event counts as draft or published while it has not ended
     * (no end date counts as not ended) and as past once it has, whatever its state.
     */
    private static final String COUNTS = """
            SELECT count(*) FILTER (WHERE state = 'draft' AND (ends_at IS NULL OR ends_at > now())),
                   count(*) FILTER (WHERE state = 'published' AND (ends_at IS NULL OR ends_at > now())),
                   count(*) FILTER (WHERE ends_at <= now())
            FROM event_projection
            WHERE deleted_at IS NULL""";

    /** Draft, published and past counts of the events that are not deleted. */
    public Uni<EventCounts> counts() {
        return getSession()
                .flatMap(session -> session.createNativeQuery(COUNTS, Object[].class).getSingleResult())
                .map(row -> new EventCounts(number(row[0]), number(row[1]), number(row[2])));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The three event counts of the admin dashboard. */
    public record EventCounts(long draft, long published, long past) {
    }
}
