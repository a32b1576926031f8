package org.openevent.user.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.Created;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.OnCreate;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.jsonapi.WriteData;
import org.openevent.common.jsonapi.WriteDocument;
import org.openevent.common.security.Caller;
import org.openevent.user.domain.User;
import org.openevent.user.repository.UserRepository;
import org.openevent.user.service.UserService;

/** The {@code user} resource over HTTP. */
@Path("/v1/users")
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class UserResource {

    static final String TYPE = "user";

    private final UserService service;
    private final Caller caller;

    public UserResource(UserService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Document> list(@Context UriInfo uri, @QueryParam("get_trashed") String trashed) {
        ListQuery query = ListQuery.parse(uri, UserRepository.FIELDS, "u", "u.id asc");
        return caller.resolve()
                .flatMap(who -> service.list(who, query, "true".equals(trashed)))
                .map(result -> query.document(result.items().stream().map(UserResource::toResource).toList(),
                        result.total(), JsonApi.API_PREFIX + "/users"));
    }

    @GET
    @Path("/{id}")
    public Uni<Document> get(@PathParam("id") String id, @QueryParam("get_trashed") String trashed) {
        long userId = parseId(id);
        return caller.resolve()
                .flatMap(who -> service.get(who, userId, "true".equals(trashed)))
                .map(user -> Document.single(toResource(user)));
    }

    @POST
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Response> create(@Valid @ConvertGroup(to = OnCreate.class) @NotNull WriteDocument<UserAttributes> body) {
        WriteData<UserAttributes> data = body.require(TYPE, null);
        return caller.resolve()
                .flatMap(who -> service.signUp(who, data.attributes()))
                .map(user -> Created.of(toResource(user)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(JsonApi.MEDIA_TYPE)
    public Uni<Document> update(@PathParam("id") String id, @Valid @NotNull WriteDocument<UserAttributes> body) {
        long userId = parseId(id);
        WriteData<UserAttributes> data = body.require(TYPE, String.valueOf(userId));
        return caller.resolve()
                .flatMap(who -> service.update(who, userId, data.attributes()))
                .map(user -> Document.single(toResource(user)));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Document> delete(@PathParam("id") String id) {
        long userId = parseId(id);
        return caller.resolve()
                .flatMap(who -> service.delete(who, userId))
                .replaceWith(Document.metaOnly(Map.of("message", "Object successfully deleted")));
    }

    static ResourceObject toResource(User user) {
        return ResourceObject.of(TYPE, "users", user.id, UserView.of(user));
    }

    private static long parseId(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw ApiException.notFound("User");
        }
        return Long.parseLong(id);
    }
}
