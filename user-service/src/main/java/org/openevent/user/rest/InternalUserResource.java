package org.openevent.user.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openevent.common.contract.UserContact;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.resource.Ids;
import org.openevent.user.service.AccountService;

/**
 * Service-to-service (shared secret): an account's current snapshot (the token checks' owner fallback) and its
 * contact address (e.g. event-service matching a role invite to its invitee).
 */
@Path("/internal/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class InternalUserResource {

    private final AccountService accounts;

    public InternalUserResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Uni<Envelope> snapshot(@PathParam("id") String id) {
        return accounts.snapshot(Ids.parse(id, "User"));
    }

    @GET
    @Path("contact")
    public Uni<UserContact> contact(@PathParam("id") String id) {
        return accounts.contact(Ids.parse(id, "User"));
    }
}
