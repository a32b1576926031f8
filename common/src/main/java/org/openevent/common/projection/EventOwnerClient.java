package org.openevent.common.projection;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.openevent.common.internal.InternalHeaders;
import org.openevent.common.messaging.Envelope;

/** event-service's internal snapshot route: the same envelope its messages carry, for one event now. */
@RegisterRestClient(configKey = "event-service")
@RegisterClientHeaders(InternalHeaders.class)
@Path("/internal/events")
public interface EventOwnerClient {

    /** The event's current snapshot by numeric id or identifier; 404 when there is no such event. */
    @GET
    @Path("/{reference}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Envelope> snapshot(@PathParam("reference") String reference);
}
