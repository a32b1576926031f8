package org.openevent.user.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.user.service.AuthService;

/**
 * Login as the Open Event Frontend does it: a plain JSON body with {@code email} (or {@code username})
 * and {@code password}, answered with {@code {"access_token": ...}} or a plain {@code {"error": ...}}.
 */
@Path("/")
@Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
public class AuthResource {

    static final String MISSING = "username or password missing";
    static final String INVALID = "Invalid Credentials";

    private final AuthService auth;
    private final ObjectMapper mapper;

    public AuthResource(AuthService auth, ObjectMapper mapper) {
        this.auth = auth;
        this.mapper = mapper;
    }

    @POST
    @Path("auth/session")
    public Uni<Response> session(String body) {
        return login(body);
    }

    @POST
    @Path("v1/auth/login")
    public Uni<Response> v1Login(String body) {
        return login(body);
    }

    private Uni<Response> login(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (Exception e) {
            return Uni.createFrom().item(error(400, "The request body is not valid JSON."));
        }
        String email = text(json, "email");
        if (email == null) {
            email = text(json, "username");
        }
        String password = text(json, "password");
        if (email == null || password == null) {
            return Uni.createFrom().item(error(400, MISSING));
        }
        return auth.login(email.trim(), password).map(token -> token == null
                ? error(401, INVALID)
                : Response.ok(Map.of("access_token", token)).type(MediaType.APPLICATION_JSON).build());
    }

    private static String text(JsonNode json, String field) {
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
