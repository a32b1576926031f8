package org.openevent.common.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.security.Caller;

/**
 * The HTTP face of one declared resource type at {@code /v1/<collection>}: list, create, read, change, delete,
 * related resources ({@code /<id>/<relationship>}) and relationship linkage ({@code /<id>/relationships/<name>}).
 * A service exposes a type with a subclass carrying only {@code @Path}; custom routes go in the same subclass.
 */
/* Class-level media types are not inherited by subclasses; each route declares them. */
public abstract class JsonApiEndpoint {

    protected final ResourceEngine engine;
    protected final Caller caller;
    private final String type;

    protected JsonApiEndpoint(ResourceEngine engine, Caller caller, String type) {
        this.engine = engine;
        this.caller = caller;
        this.type = type;
    }

    @GET
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.list(request, type));
    }

    @POST
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Response> create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.create(request, type, body))
                .map(JsonApiEndpoint::created);
    }

    @GET
    @Path("{id}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> get(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.get(request, type, id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> update(@PathParam("id") String id, byte[] body, @Context UriInfo uri,
                                @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.update(request, type, id, body));
    }

    @DELETE
    @Path("{id}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> delete(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.delete(request, type, id));
    }

    @GET
    @Path("{id}/{relationship}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> related(@PathParam("id") String id, @PathParam("relationship") String relationship,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.related(request, type, id, relationship));
    }

    @GET
    @Path("{id}/relationships/{relationship}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> linkage(@PathParam("id") String id, @PathParam("relationship") String relationship,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.linkage(request, type, id, relationship));
    }

    @PATCH
    @Path("{id}/relationships/{relationship}")
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> replaceLinkage(@PathParam("id") String id, @PathParam("relationship") String relationship,
                                        byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.changeLinkage(request, type, id,
                relationship, body, ResourceEngine.LinkageChange.REPLACE));
    }

    @POST
    @Path("{id}/relationships/{relationship}")
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> addLinkage(@PathParam("id") String id, @PathParam("relationship") String relationship,
                                    byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.changeLinkage(request, type, id,
                relationship, body, ResourceEngine.LinkageChange.ADD));
    }

    @DELETE
    @Path("{id}/relationships/{relationship}")
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> removeLinkage(@PathParam("id") String id, @PathParam("relationship") String relationship,
                                       byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Requests.of(caller, uri, headers).flatMap(request -> engine.changeLinkage(request, type, id,
                relationship, body, ResourceEngine.LinkageChange.REMOVE));
    }

    /** The kit's view of this request, for custom routes of subclasses. */
    protected Uni<org.openevent.common.resource.ApiRequest> requestOf(UriInfo uri, HttpHeaders headers) {
        return Requests.of(caller, uri, headers);
    }

    /** The 201 answer to a POST: the new resource with a relative {@code Location}, right behind the gateway. */
    public static Response created(Document document) {
        ResourceObject resource = (ResourceObject) document.data();
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, resource.links().get("self"))
                .type(JsonApi.MEDIA_TYPE)
                .entity(document)
                .build();
    }
}
