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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.IncludePaths;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.OnCreate;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.security.Caller;
import org.openevent.session.domain.Session;
import org.openevent.session.service.SessionGraph;
import org.openevent.session.service.SessionService;

/** The {@code session} resource over HTTP, with its to-one and speakers related endpoints. */
@Path("/v1/sessions")
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class SessionResource {

    static final String TYPE = "session";
    private static final String LABEL = "Session";

    private final SessionService service;
    private final Caller caller;

    public SessionResource(SessionService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Response> create(@Valid @ConvertGroup(to = OnCreate.class) @NotNull SessionDocument body) {
        SessionDocument.Data data = body.require(null);
        return caller.resolve()
                .flatMap(who -> service.create(who, data.attributesOrEmpty(), data.relationshipsOrEmpty()))
                .map(graph -> {
                    ResourceObject resource = Resources.session(graph.first(), graph);
                    return Response.status(Response.Status.CREATED)
                            .header("Location", resource.links().get("self"))
                            .type(JsonApi.MEDIA_TYPE)
                            .entity(Document.single(resource))
                            .build();
                });
    }

    /** The state machine as plain JSON: for each role, each state and the states it may move to. */
    @GET
    @Path("/states")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Map<String, Map<String, Boolean>>> states() {
        Map<String, Map<String, Map<String, Boolean>>> matrix = new LinkedHashMap<>();
        matrix.put("organizer", asFlags(SessionService.ORGANIZER_TRANSITIONS));
        matrix.put("speaker", asFlags(SessionService.SPEAKER_TRANSITIONS));
        return matrix;
    }

    @GET
    @Path("/{id}")
    public Uni<Document> get(@PathParam("id") String id, @QueryParam("include") String include) {
        Set<String> includes = IncludePaths.parse(include, SessionService.INCLUDABLE).relationships();
        return caller.resolve()
                .flatMap(who -> service.get(who, Requests.id(id, LABEL), includes))
                .map(Resources::sessionDocument);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Document> update(@PathParam("id") String id, @Valid @NotNull SessionDocument body) {
        SessionDocument.Data data = body.require(id);
        return caller.resolve()
                .flatMap(who -> service.update(who, Requests.id(id, LABEL), data.attributesOrEmpty(),
                        data.relationshipsOrEmpty()))
                .map(Resources::sessionDocument);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Document> delete(@PathParam("id") String id) {
        return caller.resolve()
                .flatMap(who -> service.delete(who, Requests.id(id, LABEL)))
                .replaceWith(Document.metaOnly(Map.of("message", "Object successfully deleted")));
    }

    @GET
    @Path("/{id}/speakers")
    public Uni<Document> speakers(@PathParam("id") String id) {
        return related(id, SessionService.SPEAKERS).map(graph -> {
            Session session = graph.first();
            List<ResourceObject> data = graph.speakerIds().getOrDefault(session.id, List.of()).stream()
                    .map(graph.speakers()::get)
                    .filter(speaker -> speaker != null)
                    .map(speaker -> Resources.speaker(speaker, graph.access()))
                    .toList();
            return Document.collection(data, data.size(), JsonApi.API_PREFIX + "/sessions/" + session.id + "/speakers");
        });
    }

    @GET
    @Path("/{id}/track")
    public Uni<Document> track(@PathParam("id") String id) {
        return related(id, SessionService.TRACK).map(graph -> toOne(graph, SessionService.TRACK,
                graph.tracks().isEmpty() ? null : Resources.track(graph.tracks().values().iterator().next())));
    }

    @GET
    @Path("/{id}/microlocation")
    public Uni<Document> microlocation(@PathParam("id") String id) {
        return related(id, SessionService.MICROLOCATION).map(graph -> toOne(graph, SessionService.MICROLOCATION,
                graph.microlocations().isEmpty() ? null
                        : Resources.microlocation(graph.microlocations().values().iterator().next())));
    }

    @GET
    @Path("/{id}/session-type")
    public Uni<Document> sessionType(@PathParam("id") String id) {
        return related(id, SessionService.SESSION_TYPE).map(graph -> toOne(graph, SessionService.SESSION_TYPE,
                graph.sessionTypes().isEmpty() ? null
                        : Resources.sessionType(graph.sessionTypes().values().iterator().next())));
    }

    private Uni<SessionGraph> related(String id, String relationship) {
        return caller.resolve().flatMap(who -> service.get(who, Requests.id(id, LABEL), Set.of(relationship)));
    }

    private static Document toOne(SessionGraph graph, String name, ResourceObject target) {
        String self = JsonApi.API_PREFIX + "/sessions/" + graph.first().id + "/" + name;
        if (target == null) {
            // As in the original server, an empty to-one related endpoint answers 404.
            throw new ApiException(404, "Not Found", "Object Not Found", null, null);
        }
        return new Document(target, null, null, Map.of("self", self), JsonApi.VERSION);
    }

    private static Map<String, Map<String, Boolean>> asFlags(Map<String, Set<String>> transitions) {
        Map<String, Map<String, Boolean>> flags = new LinkedHashMap<>();
        for (String from : Session.STATES) {
            Map<String, Boolean> targets = new TreeMap<>();
            transitions.getOrDefault(from, Set.of()).forEach(to -> targets.put(to, true));
            flags.put(from, targets);
        }
        return flags;
    }
}
