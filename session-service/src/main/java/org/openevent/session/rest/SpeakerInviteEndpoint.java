package org.openevent.session.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Supplier;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.Ids;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.session.service.CallerEmail;
import org.openevent.session.service.SpeakerInvites;

/**
 * {@code /v1/speaker-invites}: the invitations, plus the invitee's answers ({@code accept-invite},
 * {@code reject-invite}, plain JSON as in the original). The reads an invitee makes ask user-service for the
 * caller's address first, so that the invitee sees their invitation and its session.
 */
@Path("/v1/speaker-invites")
public class SpeakerInviteEndpoint extends JsonApiEndpoint {

    private final CallerEmail callerEmail;
    private final SpeakerInvites invites;

    public SpeakerInviteEndpoint(ResourceEngine engine, Caller caller, CallerEmail callerEmail,
                                 SpeakerInvites invites) {
        super(engine, caller, "speaker-invite");
        this.callerEmail = callerEmail;
        this.invites = invites;
    }

    @Override
    public Uni<Document> get(String id, UriInfo uri, HttpHeaders headers) {
        return withEmail(() -> super.get(id, uri, headers));
    }

    @Override
    public Uni<Document> related(String id, String relationship, UriInfo uri, HttpHeaders headers) {
        return withEmail(() -> super.related(id, relationship, uri, headers));
    }

    @Override
    public Uni<Document> linkage(String id, String relationship, UriInfo uri, HttpHeaders headers) {
        return withEmail(() -> super.linkage(id, relationship, uri, headers));
    }

    @GET
    @Path("{id}/accept-invite")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<Map<String, Object>> accept(@PathParam("id") String id) {
        long inviteId = Ids.parse(id, "Speaker invite");
        return caller.resolve().flatMap(who -> invites.accept(who, inviteId));
    }

    @GET
    @Path("{id}/reject-invite")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<Map<String, Object>> reject(@PathParam("id") String id) {
        long inviteId = Ids.parse(id, "Speaker invite");
        return caller.resolve().flatMap(who -> invites.reject(who, inviteId));
    }

    private Uni<Document> withEmail(Supplier<Uni<Document>> read) {
        return caller.resolve().flatMap(callerEmail::loadForReading).flatMap(ignored -> read.get());
    }
}
