package org.openevent.session.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.openevent.common.contract.UserContact;
import org.openevent.common.internal.InternalHeaders;

/** user-service's internal contact route: a user's account e-mail, for the speaker and invitation rules. */
@RegisterRestClient(configKey = "user-service")
@RegisterClientHeaders(InternalHeaders.class)
@Path("/internal/users")
public interface UserContactClient {

    @GET
    @Path("/{id}/contact")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<UserContact> contact(@PathParam("id") long userId);
}
