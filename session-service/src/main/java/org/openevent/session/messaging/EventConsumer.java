package org.openevent.session.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.projection.EventSnapshots;

/** Feeds event-service's snapshots into the local event projection; unusable records go to the DLQ. */
@ApplicationScoped
public class EventConsumer {

    private final EventSnapshots snapshots;

    public EventConsumer(EventSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Incoming("events-in")
    @ActivateRequestContext
    public Uni<Void> onEvent(String record) {
        return snapshots.consume(record);
    }
}
