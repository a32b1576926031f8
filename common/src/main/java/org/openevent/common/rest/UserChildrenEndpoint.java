package org.openevent.common.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.security.Caller;

/**
 * A user's rows that this service owns, at {@code /v1/users/<id>/<name>} (e.g. "my sessions"): the related
 * routes of the user's relationships. A service exposes it with a subclass annotated
 * {@code @Path("/v1/users/{userId}")}.
 */
public abstract class UserChildrenEndpoint {

    protected final ResourceEngine engine;
    protected final Caller caller;

    protected UserChildrenEndpoint(ResourceEngine engine, Caller caller) {
        this.engine = engine;
        this.caller = caller;
    }

    @GET
    @Path("{relationship}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> children(@PathParam("userId") String userId, @PathParam("relationship") String relationship,
                                  @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.userChildren(request, userId, relationship));
    }
}
