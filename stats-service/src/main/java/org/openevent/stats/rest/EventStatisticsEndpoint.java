package org.openevent.stats.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.ApiRequest;
import org.openevent.common.security.Caller;
import org.openevent.stats.service.EventStatisticsService;

/** {@code GET /v1/events/<id or identifier>/general-statistics}: one event's figures for the people who run it. */
@Path("/v1/events/{ref}/general-statistics")
public class EventStatisticsEndpoint {

    private final EventStatisticsService statistics;
    private final Caller caller;

    public EventStatisticsEndpoint(EventStatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "An event's general statistics (owner, organizers, co-organizers, admins)",
            description = "Type event-statistics-general, id = the event's id. sessions = sessions that are not"
                    + " deleted, in any state; sessions-<state> = those in that state; sessions-submitted = those"
                    + " that are not drafts (the original repeated the session count there). speakers = {draft,"
                    + " pending, accepted, confirmed, rejected, withdrawn, canceled, total}: distinct speakers (not"
                    + " deleted) with at least one such session in that state, total = with at least one in any state"
                    + " (the original summed the states). speaker-without-session = speakers (not deleted) without"
                    + " such a session. sponsors is null: sponsors are not published to this service. Anyone else, and"
                    + " any deleted, unknown or hidden event, gets 404 Event not found; anonymous callers 401.")
    public Uni<Document> general(@PathParam("ref") String reference, @Context UriInfo uri,
                                 @Context HttpHeaders headers) {
        return caller.resolve().flatMap(who -> statistics.general(new ApiRequest(who, uri.getQueryParameters(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), null), reference));
    }
}
