package org.openevent.event.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openevent.common.messaging.Envelope;
import org.openevent.event.service.EventSnapshotQuery;

/** Service-to-service: an event's current snapshot, in the envelope its messages carry (404 when unknown). */
@Path("/internal/events/{reference}")
@Produces(MediaType.APPLICATION_JSON)
public class InternalEventResource {

    private final EventSnapshotQuery snapshots;

    public InternalEventResource(EventSnapshotQuery snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @WithSession
    public Uni<Envelope> snapshot(@PathParam("reference") String reference) {
        return snapshots.current(reference);
    }
}
