package org.openevent.event.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.Binder;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.event.service.EventQueries;

/**
 * {@code /v1/events}, addressed by numeric id or identifier, with the original's {@code withRole} ("my events")
 * and the home page's {@code /v1/events/upcoming}.
 */
@Path("/v1/events")
public class EventEndpoint extends JsonApiEndpoint {

    private static final String TYPE = "event";

    public EventEndpoint(ResourceEngine engine, Caller caller) {
        super(engine, caller, TYPE);
    }

    /** With {@code withRole}, only the events where the (signed-in) caller holds a role; admins see all. */
    @GET
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Override
    public Uni<Document> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        if (!uri.getQueryParameters().containsKey("withRole")) {
            return super.list(uri, headers);
        }
        return requestOf(uri, headers).flatMap(request -> {
            Binder binder = new Binder();
            return engine.listWhere(request, TYPE, EventQueries.withRole(request.caller(), binder), binder,
                    "/v1/events");
        });
    }

    /**
     * The event's related resources; {@code users-events-roles} is the original's path of the {@code roles}
     * relationship.
     */
    @GET
    @Path("{id}/{relationship}")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Override
    public Uni<Document> related(@PathParam("id") String id, @PathParam("relationship") String relationship,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return super.related(id, "users-events-roles".equals(relationship) ? "roles" : relationship, uri, headers);
    }

    /** Published public events still to come that the platform promotes or that look complete. */
    @GET
    @Path("upcoming")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> upcoming(@Context UriInfo uri, @Context HttpHeaders headers) {
        return requestOf(uri, headers).flatMap(request -> {
            Binder binder = new Binder();
            return engine.listWhere(request, TYPE, EventQueries.upcoming(OffsetDateTime.now(ZoneOffset.UTC), binder),
                    binder, "/v1/events/upcoming");
        });
    }
}
