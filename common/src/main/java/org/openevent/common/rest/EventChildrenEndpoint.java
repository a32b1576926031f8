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
 * The children of one event that this service owns, at {@code /v1/events/<id or identifier>/<collection>}: the
 * related route of the event's to-many relationships, and their linkage. A service exposes it with a subclass
 * annotated {@code @Path("/v1/events/{ref}")}.
 */
/* Class-level media types are not inherited by subclasses; each route declares them. */
public abstract class EventChildrenEndpoint {

    protected final ResourceEngine engine;
    protected final Caller caller;

    protected EventChildrenEndpoint(ResourceEngine engine, Caller caller) {
        this.engine = engine;
        this.caller = caller;
    }

    @GET
    @Path("{collection}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> children(@PathParam("ref") String reference, @PathParam("collection") String collection,
                                  @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers)
                .flatMap(request -> engine.eventChildren(request, reference, collection));
    }

    @GET
    @Path("relationships/{collection}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> linkage(@PathParam("ref") String reference, @PathParam("collection") String collection,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers)
                .flatMap(request -> engine.eventChildrenLinkage(request, reference, collection));
    }

    /** The kit's view of this request, for custom routes of subclasses. */
    protected Uni<org.openevent.common.resource.ApiRequest> requestOf(UriInfo uri, HttpHeaders headers) {
        return Requests.of(caller, uri, headers);
    }
}
