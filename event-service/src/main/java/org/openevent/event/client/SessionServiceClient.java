package org.openevent.event.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.openevent.common.jsonapi.JsonApi;

/** session-service's per-event collections, read as JSON:API documents for compound event documents. */
@RegisterRestClient(configKey = "session-service")
@Path("/v1/events/{eventId}")
@Produces(JsonApi.MEDIA_TYPE)
public interface SessionServiceClient {

    /** All rows of one collection ({@code page[size]=0}) with its nested includes, as the caller may see them. */
    @GET
    @Path("/{collection}")
    Uni<JsonNode> collection(@PathParam("eventId") long eventId, @PathParam("collection") String collection,
                             @QueryParam("include") String include, @QueryParam("page[size]") int pageSize,
                             @HeaderParam("Authorization") String authorization);
}
