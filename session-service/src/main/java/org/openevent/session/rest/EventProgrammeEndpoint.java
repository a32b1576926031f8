package org.openevent.session.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.EventChildrenEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.session.service.CallerEmail;
import org.openevent.session.service.EventSchedule;

/**
 * {@code /v1/events/<id or identifier>/...} for the schedule: every collection of event children here, the event's
 * video stream, and the plain JSON facts the frontend loads (session days and languages, whether it streams).
 */
@Path("/v1/events/{ref}")
public class EventProgrammeEndpoint extends EventChildrenEndpoint {

    private final EventSchedule schedule;
    private final CallerEmail callerEmail;

    public EventProgrammeEndpoint(ResourceEngine engine, Caller caller, EventSchedule schedule,
                                  CallerEmail callerEmail) {
        super(engine, caller);
        this.schedule = schedule;
        this.callerEmail = callerEmail;
    }

    /** The days with public sessions, {@code ["2027-05-01", ...]}. */
    @GET
    @Path("sessions/dates")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<List<String>> dates(@PathParam("ref") String reference) {
        return caller.resolve().flatMap(who -> schedule.dates(who, reference));
    }

    /** The languages of the sessions the caller may see. */
    @GET
    @Path("sessions/languages")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<List<String>> languages(@PathParam("ref") String reference) {
        return caller.resolve().flatMap(who -> schedule.languages(who, reference));
    }

    /** {@code {"exists": bool, "can_access": bool}}. */
    @GET
    @Path("has-streams")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<Map<String, Boolean>> hasStreams(@PathParam("ref") String reference) {
        return caller.resolve().flatMap(who -> schedule.hasStreams(who, reference));
    }

    /** The event's own video stream, or {@code {"data": null}}: the related route of the event's to-one. */
    @GET
    @Path("video-stream")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> videoStream(@PathParam("ref") String reference, @Context UriInfo uri,
                                     @Context HttpHeaders headers) {
        return requestOf(uri, headers).flatMap(request -> schedule.eventStream(request.caller(), reference)
                .flatMap(id -> id == null
                        ? Uni.createFrom().item(Document.nullData("/v1/events/" + reference + "/video-stream"))
                        : engine.get(request, "video-stream", String.valueOf(id))));
    }

    /** Invitations of the event: the invitee sees theirs, so the caller's address is asked for first. */
    @GET
    @Path("speaker-invites")
    @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Document> speakerInvites(@PathParam("ref") String reference, @Context UriInfo uri,
                                        @Context HttpHeaders headers) {
        return caller.resolve().flatMap(callerEmail::loadForReading)
                .flatMap(ignored -> super.children(reference, "speaker-invites", uri, headers));
    }
}
