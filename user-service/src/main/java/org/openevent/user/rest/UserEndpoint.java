package org.openevent.user.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.user.service.AccountService;

/**
 * {@code /v1/users}: sign-up (POST), the admin list, an account for itself and admins, and the original's address
 * check {@code /v1/users/check_email} (alias {@code checkEmail}).
 */
@Path("/v1/users")
public class UserEndpoint extends JsonApiEndpoint {

    private final AccountService accounts;

    public UserEndpoint(ResourceEngine engine, Caller caller, AccountService accounts) {
        super(engine, caller, "user");
        this.accounts = accounts;
    }

    /** {@code {"email": ...}} → {@code {"result": "True"}} when no live account uses the address. */
    @POST
    @Path("{check: check_email|checkEmail}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> checkEmail(byte[] body, @Context HttpServerRequest request) {
        String email = Bodies.text(Bodies.json(body), "email");
        return accounts.emailAvailable(email, Bodies.client(request, null))
                .map(available -> Map.of("result", available ? "True" : "False"));
    }
}
