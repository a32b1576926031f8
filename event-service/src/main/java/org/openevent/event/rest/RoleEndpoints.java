package org.openevent.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.resource.WriteDocuments;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.event.service.RoleInvites;

/** Role grants and invitations: {@code /v1/users-events-roles}, {@code /v1/role-invites} and accepting one. */
public final class RoleEndpoints {

    private RoleEndpoints() {
    }

    /** {@code /v1/users-events-roles}. */
    @Path("/v1/users-events-roles")
    public static class Grants extends JsonApiEndpoint {
        public Grants(ResourceEngine engine, Caller caller) {
            super(engine, caller, "users-events-roles");
        }
    }

    /** {@code /v1/role-invites}. */
    @Path("/v1/role-invites")
    public static class Invites extends JsonApiEndpoint {
        public Invites(ResourceEngine engine, Caller caller) {
            super(engine, caller, "role-invite");
        }
    }

    /**
     * The original's token routes (plain JSON, {@code {"data": {"token": ...}}}): accept an invitation as the
     * invited account, or learn which address a token was sent to.
     */
    @Path("/v1/role_invites")
    public static class Acceptance {

        private final RoleInvites invites;
        private final Caller caller;

        public Acceptance(RoleInvites invites, Caller caller) {
            this.invites = invites;
            this.caller = caller;
        }

        @POST
        @Path("accept-invite")
        @Consumes({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
        @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
        public Uni<Map<String, Object>> accept(byte[] body) {
            String token = token(body);
            return caller.resolve().flatMap(who -> invites.accept(who, token));
        }

        @POST
        @Path("user")
        @Consumes({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
        @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
        public Uni<Map<String, Object>> invitee(byte[] body) {
            return invites.invitee(token(body));
        }

        private static String token(byte[] body) {
            JsonNode token = WriteDocuments.json(body).path("data").path("token");
            return token.isTextual() ? token.textValue() : null;
        }
    }
}
