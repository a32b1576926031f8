package org.openevent.event.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.openevent.common.jsonapi.Created;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.IncludePaths;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.OnCreate;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.jsonapi.WriteData;
import org.openevent.common.jsonapi.WriteDocument;
import org.openevent.common.jsonapi.query.FieldType;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.security.Caller;
import org.openevent.event.domain.Event;
import org.openevent.event.service.EventService;

/** The {@code event} resource over HTTP. */
@Path("/v1/events")
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class EventResource {

    static final String TYPE = "event";

    private final EventService service;
    private final Caller caller;
    private final CompoundEventDocuments compound;

    public EventResource(EventService service, Caller caller, CompoundEventDocuments compound) {
        this.service = service;
        this.caller = caller;
        this.compound = compound;
    }

    /** What clients may filter and sort events on. */
    static final ResourceFields FIELDS = ResourceFields.of(TYPE, "Event")
            .field("identifier", "identifier", FieldType.STRING)
            .field("name", "name", FieldType.STRING)
            .filterOnly("description", "description", FieldType.STRING)
            .field("starts-at", "startsAt", FieldType.DATETIME)
            .field("ends-at", "endsAt", FieldType.DATETIME)
            .field("timezone", "timezone", FieldType.STRING)
            .field("location-name", "locationName", FieldType.STRING)
            .field("latitude", "latitude", FieldType.DOUBLE)
            .field("longitude", "longitude", FieldType.DOUBLE)
            .field("external-event-url", "externalEventUrl", FieldType.STRING)
            .field("state", "state", FieldType.STRING)
            .field("created-at", "createdAt", FieldType.DATETIME)
            .field("deleted-at", "deletedAt", FieldType.DATETIME);

    @GET
    public Uni<Document> list(@Context UriInfo uri, @QueryParam("get_trashed") String trashed) {
        ListQuery query = ListQuery.parse(uri, FIELDS, "e", "e.startsAt asc");
        return caller.resolve()
                .flatMap(who -> service.list(who, query, Boolean.parseBoolean(trashed)))
                .map(result -> query.document(result.items().stream().map(EventResource::toResource).toList(),
                        result.total(), JsonApi.API_PREFIX + "/events"));
    }

    @GET
    @Path("/{reference}")
    public Uni<Document> get(@PathParam("reference") String reference, @QueryParam("include") String include,
                             @QueryParam("get_trashed") String trashed,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        IncludePaths includes = IncludePaths.parse(include, CompoundEventDocuments.INCLUDABLE);
        return caller.resolve()
                .flatMap(who -> service.get(who, reference, Boolean.parseBoolean(trashed)))
                .flatMap(event -> compound.document(toResource(event), event.id, includes, authorization));
    }

    @POST
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Response> create(@Valid @ConvertGroup(to = OnCreate.class) @NotNull WriteDocument<EventAttributes> body) {
        WriteData<EventAttributes> data = body.require(TYPE, null);
        return caller.resolve()
                .flatMap(who -> service.create(who, data.attributes()))
                .map(event -> Created.of(toResource(event)));
    }

    @PATCH
    @Path("/{reference}")
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Document> update(@PathParam("reference") String reference,
                                @Valid @NotNull WriteDocument<EventAttributes> body) {
        WriteData<EventAttributes> data = body.require(TYPE, null);
        return caller.resolve()
                .flatMap(who -> service.update(who, reference, data.id(), data.attributes()))
                .map(event -> Document.single(toResource(event)));
    }

    @DELETE
    @Path("/{reference}")
    public Uni<Document> delete(@PathParam("reference") String reference, @QueryParam("permanent") String permanent) {
        return caller.resolve()
                .flatMap(who -> service.delete(who, reference, Boolean.parseBoolean(permanent)))
                .replaceWith(Document.metaOnly(Map.of("message", "Object successfully deleted")));
    }

    static ResourceObject toResource(Event event) {
        return ResourceObject.of(TYPE, "events", event.id, EventView.of(event))
                .relationship("sessions")
                .relationship("tracks")
                .relationship("microlocations")
                .relationship("session-types")
                .relationship("speakers");
    }
}
