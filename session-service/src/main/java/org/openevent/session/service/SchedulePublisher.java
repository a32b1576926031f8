package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.LongFunction;
import org.openevent.common.contract.Topics;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.resource.EventChildEntity;
import org.openevent.common.resource.ResourceRules;
import org.openevent.session.repository.ScheduleVersionRepository;

/**
 * Publishes the snapshot of a changed schedule row to {@code openevent.sessions}, in the change's transaction. The
 * event's next schedule version is written into the snapshot by the database as the transaction commits
 * ({@link ScheduleVersionRepository#STAMPED_AT_COMMIT}), so writes to one event queue on its version for the commit
 * alone.
 */
@ApplicationScoped
public class SchedulePublisher {

    private final Outbox outbox;

    public SchedulePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the snapshot built by {@code payload} (given the placeholder of the schedule version) to the outbox. */
    public Uni<Void> publish(EventChildEntity row, ResourceRules.Change change, String messageType,
                             String aggregateType, LongFunction<Object> payload) {
        if (change == ResourceRules.Change.REMOVED && row.deletedAt == null) {
            // A removed row leaves consumers as a deletion snapshot.
            row.softDelete(OffsetDateTime.now(ZoneOffset.UTC));
            row.changed();
        }
        // The event is the fairness key: one event's bulk load cannot hold back other events' changes.
        return outbox.publish(Topics.SESSIONS, messageType, aggregateType, row.id, row.version,
                payload.apply(ScheduleVersionRepository.STAMPED_AT_COMMIT), String.valueOf(row.eventId));
    }
}
