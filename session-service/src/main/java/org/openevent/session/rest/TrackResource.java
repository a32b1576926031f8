package org.openevent.session.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.openevent.common.jsonapi.Created;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.OnCreate;
import org.openevent.common.jsonapi.WriteData;
import org.openevent.common.jsonapi.WriteDocument;
import org.openevent.common.security.Caller;
import org.openevent.session.service.TrackService;

/** The {@code track} resource over HTTP. */
@Path("/v1/tracks")
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class TrackResource {

    static final String TYPE = "track";

    private final TrackService service;
    private final Caller caller;

    public TrackResource(TrackService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Response> create(@Valid @ConvertGroup(to = OnCreate.class) @NotNull WriteDocument<TrackAttributes> body) {
        WriteData<TrackAttributes> data = body.require(TYPE, null);
        return caller.resolve()
                .flatMap(who -> service.create(who, data.requiredRelationship("event"), data.attributes()))
                .map(scoped -> Created.of(Resources.track(scoped.entity())));
    }

    @GET
    @Path("/{id}")
    public Uni<Document> get(@PathParam("id") String id) {
        return caller.resolve()
                .flatMap(who -> service.get(who, Requests.id(id, "Track")))
                .map(scoped -> Document.single(Resources.track(scoped.entity())));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Document> update(@PathParam("id") String id, @Valid @NotNull WriteDocument<TrackAttributes> body) {
        WriteData<TrackAttributes> data = body.require(TYPE, id);
        return caller.resolve()
                .flatMap(who -> service.update(who, Requests.id(id, "Track"), data.attributes()))
                .map(scoped -> Document.single(Resources.track(scoped.entity())));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Document> delete(@PathParam("id") String id) {
        return caller.resolve()
                .flatMap(who -> service.delete(who, Requests.id(id, "Track")))
                .replaceWith(Document.metaOnly(Map.of("message", "Object successfully deleted")));
    }
}
