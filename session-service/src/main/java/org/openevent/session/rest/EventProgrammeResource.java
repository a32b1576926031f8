package org.openevent.session.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.IncludePaths;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.security.Caller;
import org.openevent.session.service.MicrolocationService;
import org.openevent.session.repository.SessionRepository;
import org.openevent.session.service.QueryableFields;
import org.openevent.session.service.SessionService;
import org.openevent.session.service.SessionTypeService;
import org.openevent.session.service.SpeakerService;
import org.openevent.session.service.TrackService;

/** The per-event lists ({@code /v1/events/{ref}/...}); {@code ref} is the numeric id or the identifier. */
@Path("/v1/events/{ref}")
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class EventProgrammeResource {

    private final TrackService tracks;
    private final MicrolocationService microlocations;
    private final SessionTypeService sessionTypes;
    private final SpeakerService speakers;
    private final SessionService sessions;
    private final Caller caller;

    public EventProgrammeResource(TrackService tracks, MicrolocationService microlocations,
                                  SessionTypeService sessionTypes, SpeakerService speakers, SessionService sessions,
                                  Caller caller) {
        this.tracks = tracks;
        this.microlocations = microlocations;
        this.sessionTypes = sessionTypes;
        this.speakers = speakers;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Path("/tracks")
    public Uni<Document> tracks(@PathParam("ref") String ref, @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri, tracks.fields(), "x", tracks.defaultOrder());
        return caller.resolve().flatMap(who -> tracks.list(who, ref, query))
                .map(listing -> Resources.collection(listing, Resources::track, query, self(ref, "tracks")));
    }

    @GET
    @Path("/microlocations")
    public Uni<Document> microlocations(@PathParam("ref") String ref, @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri, microlocations.fields(), "x", microlocations.defaultOrder());
        return caller.resolve().flatMap(who -> microlocations.list(who, ref, query))
                .map(listing -> Resources.collection(listing, Resources::microlocation, query, self(ref, "microlocations")));
    }

    @GET
    @Path("/session-types")
    public Uni<Document> sessionTypes(@PathParam("ref") String ref, @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri, sessionTypes.fields(), "x", sessionTypes.defaultOrder());
        return caller.resolve().flatMap(who -> sessionTypes.list(who, ref, query))
                .map(listing -> Resources.collection(listing, Resources::sessionType, query, self(ref, "session-types")));
    }

    @GET
    @Path("/speakers")
    public Uni<Document> speakers(@PathParam("ref") String ref, @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri, speakers.fields(), "x", speakers.defaultOrder());
        return caller.resolve().flatMap(who -> speakers.list(who, ref, query))
                .map(listing -> Resources.collection(listing, s -> Resources.speaker(s, listing.access()), query,
                        self(ref, "speakers")));
    }

    @GET
    @Path("/sessions")
    public Uni<Document> sessions(@PathParam("ref") String ref, @QueryParam("include") String include,
                                  @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri, QueryableFields.SESSION, "s", SessionRepository.DEFAULT_ORDER);
        Set<String> includes = IncludePaths.parse(include, SessionService.INCLUDABLE).relationships();
        return caller.resolve().flatMap(who -> sessions.list(who, ref, query, includes))
                .map(graph -> Resources.sessionCollection(graph, query, self(ref, "sessions")));
    }

    private static String self(String ref, String collection) {
        return JsonApi.API_PREFIX + "/events/" + ref + "/" + collection;
    }
}
