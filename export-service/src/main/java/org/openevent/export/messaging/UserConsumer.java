package org.openevent.export.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openevent.common.projection.UserSnapshots;

/** Feeds user-service's account snapshots into the token check's projection; unusable records go to the DLQ. */
@ApplicationScoped
public class UserConsumer {

    private final UserSnapshots snapshots;

    public UserConsumer(UserSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Incoming("users-in")
    @ActivateRequestContext
    public Uni<Void> onUser(String record) {
        return snapshots.consume(record);
    }
}
