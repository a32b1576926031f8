package org.openevent.common.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.Ids;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.security.Caller;

/**
 * Service-to-service reads behind the shared secret: resources by id and children of events, rendered for the
 * caller whose credentials the requesting service forwarded. This is what remote includes and related routes
 * of other services are built from.
 */
@Path("/internal")
@Produces(JsonApi.MEDIA_TYPE)
public class InternalResourcesEndpoint {

    private static final int MAX_IDS = 10_000;

    private final ResourceEngine engine;
    private final Caller caller;

    public InternalResourcesEndpoint(ResourceEngine engine, Caller caller) {
        this.engine = engine;
        this.caller = caller;
    }

    @GET
    @Path("resources/{type}")
    public Uni<Document> byIds(@PathParam("type") String type, @QueryParam("ids") String ids,
                               @Context UriInfo uri, @Context HttpHeaders headers) {
        List<Long> parsed = ids(ids);
        return Requests.of(caller, uri, headers).flatMap(request -> engine.byIds(request, type, parsed));
    }

    @GET
    @Path("children/{collection}")
    public Uni<Document> children(@PathParam("collection") String collection, @QueryParam("events") String events,
                                  @Context UriInfo uri, @Context HttpHeaders headers) {
        List<Long> parsed = ids(events);
        return Requests.of(caller, uri, headers)
                .flatMap(request -> engine.childrenOfEvents(request, collection, parsed));
    }

    private static List<Long> ids(String raw) {
        List<Long> ids = new ArrayList<>();
        if (raw != null && !raw.isBlank()) {
            for (String part : raw.split(",")) {
                if (!Ids.isId(part.trim()) || ids.size() >= MAX_IDS) {
                    throw ApiException.badRequest("ids", "ids takes up to " + MAX_IDS + " numeric ids.");
                }
                ids.add(Long.parseLong(part.trim()));
            }
        }
        return ids;
    }
}
