package org.openevent.event.client;

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

/** user-service's internal route that tells another service a user's address. */
@RegisterRestClient(configKey = "user-service")
@RegisterClientHeaders(InternalHeaders.class)
@Path("/internal/users/{userId}/contact")
@Produces(MediaType.APPLICATION_JSON)
public interface UserContactClient {

    @GET
    Uni<UserContact> contact(@PathParam("userId") long userId);
}
