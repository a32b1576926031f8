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

/** user-service's internal snapshot route: the same envelope its {@code user.upserted} messages carry, now. */
@RegisterRestClient(configKey = "user-service")
@RegisterClientHeaders(InternalHeaders.class)
@Path("/internal/users")
public interface UserOwnerClient {

    /** The account's current snapshot; 404 when there is no such account. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Envelope> snapshot(@PathParam("id") long id);
}
