package org.openevent.stats.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.messaging.VersionGate;
import org.openevent.stats.domain.EventProjection;
import org.openevent.stats.repository.EventProjectionRepository;

/** Applies event snapshots to the projection; older or repeated snapshots change nothing. */
@ApplicationScoped
public class EventProjector {

    private final EventProjectionRepository events;

    public EventProjector(EventProjectionRepository events) {
        this.events = events;
    }

    /** Stores {@code snapshot} at {@code version} unless the projection already holds that version or a newer one. */
    public Uni<Void> apply(String aggregateId, long version, EventPayload snapshot) {
        if (snapshot.id() <= 0 || !String.valueOf(snapshot.id()).equals(aggregateId)) {
            return Uni.createFrom().failure(new PoisonMessageException(
                    "Event snapshot id " + snapshot.id() + " does not match aggregate " + aggregateId, null));
        }
        return VersionGate.upsert(events, snapshot.id(), version, row -> row.version, EventProjection::new, row -> {
            row.id = snapshot.id();
            row.state = snapshot.state();
            row.startsAt = snapshot.startsAt();
            row.endsAt = snapshot.endsAt();
            row.deletedAt = snapshot.deletedAt();
            row.version = version;
        }).replaceWithVoid();
    }
}
