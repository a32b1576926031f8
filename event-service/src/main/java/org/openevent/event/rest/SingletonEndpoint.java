package org.openevent.event.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;

/**
 * A resource with exactly one row, as the original serves its settings: the collection path and any id in the
 * path answer that row, and PATCH changes it whatever id the path names (the body must name the real one).
 */
public abstract class SingletonEndpoint extends JsonApiEndpoint {

    private final String type;
    private final String id;

    protected SingletonEndpoint(ResourceEngine engine, Caller caller, String type, long id) {
        super(engine, caller, type);
        this.type = type;
        this.id = String.valueOf(id);
    }

    @GET
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Override
    public Uni<Document> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        return requestOf(uri, headers).flatMap(request -> engine.get(reading(request), type, id));
    }

    /** The request a read is answered for; a subclass may narrow it (e.g. to the public view). */
    protected org.openevent.common.resource.ApiRequest reading(org.openevent.common.resource.ApiRequest request) {
        return request;
    }

    @GET
    @Path("{id}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Override
    public Uni<Document> get(@PathParam("id") String ignored, @Context UriInfo uri, @Context HttpHeaders headers) {
        return list(uri, headers);
    }

    @PATCH
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> updateSingleton(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return super.update(id, body, uri, headers);
    }

    @PATCH
    @Path("{id}")
    @Consumes(JsonApi.MEDIA_TYPE)
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Override
    public Uni<Document> update(@PathParam("id") String ignored, byte[] body, @Context UriInfo uri,
                                @Context HttpHeaders headers) {
        return super.update(id, body, uri, headers);
    }
}
