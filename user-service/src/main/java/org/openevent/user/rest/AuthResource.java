package org.openevent.user.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.security.Caller;
import org.openevent.user.service.AccountService;
import org.openevent.user.service.AuthService;

/**
 * The account routes as the Open Event Frontend calls them: login at {@code /auth/session} (and
 * {@code /v1/auth/login}) with plain JSON answered {@code {"access_token"[, "refresh_token"]}} or {@code {"error"}},
 * token refresh, logout, fresh login, and the password and verification flows under {@code /v1/auth}, whose bodies
 * are the original's {@code {"data": {...}}}.
 */
@Path("/")
@Consumes(MediaType.WILDCARD)
@Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
public class AuthResource {

    static final String MISSING = "username or password missing";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final AuthService auth;
    private final AccountService accounts;
    private final Caller caller;

    public AuthResource(AuthService auth, AccountService accounts, Caller caller) {
        this.auth = auth;
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Path("auth/session")
    public Uni<Response> session(byte[] body) {
        return login(body);
    }

    @POST
    @Path("v1/auth/login")
    public Uni<Response> v1Login(byte[] body) {
        return login(body);
    }

    /** A fresh token after a password check ({@code {"email", "password"}}), for sensitive changes. */
    @POST
    @Path("v1/auth/fresh-login")
    public Uni<Response> freshLogin(byte[] body) {
        return credentials(body, (email, password, json) -> auth.freshLogin(email, password)
                .map(token -> ok(Map.of("access_token", token))));
    }

    /**
     * A new access token for a refresh token, given as {@code Authorization: JWT <refresh>} or as the body's
     * {@code refresh_token}, with its {@code csrf} value echoed in {@code X-CSRF-Token}.
     */
    @POST
    @Path("v1/auth/token/refresh")
    public Uni<Map<String, String>> refresh(byte[] body, @Context HttpHeaders headers) {
        String token = bearer(headers);
        if (token == null) {
            token = Bodies.text(Bodies.json(body), "refresh_token");
        }
        return auth.refresh(token, headers.getHeaderString(CSRF_HEADER))
                .map(access -> Map.of("access_token", access));
    }

    /** Revokes the remember-me session of the presented refresh token (header or body) or access token. */
    @POST
    @Path("v1/auth/logout")
    public Uni<Map<String, Boolean>> logout(byte[] body, @Context HttpHeaders headers) {
        List<String> presented = new ArrayList<>();
        presented.add(bearer(headers));
        presented.add(Bodies.text(Bodies.json(body), "refresh_token"));
        return auth.logout(presented).replaceWith(Map.of("success", true));
    }

    @POST
    @Path("v1/auth/change-password")
    public Uni<Map<String, Object>> changePassword(byte[] body) {
        JsonNode data = Bodies.data(body);
        return caller.resolve().flatMap(who -> accounts.changePassword(who, Bodies.text(data, "old-password"),
                Bodies.text(data, "new-password")));
    }

    @POST
    @Path("v1/auth/reset-password")
    public Uni<Map<String, Object>> requestReset(byte[] body, @Context HttpServerRequest request) {
        return accounts.requestReset(Bodies.text(Bodies.data(body), "email"), Bodies.client(request, "unknown"));
    }

    @PATCH
    @Path("v1/auth/reset-password")
    public Uni<Map<String, Object>> completeReset(byte[] body, @Context HttpServerRequest request) {
        JsonNode data = Bodies.data(body);
        return accounts.completeReset(Bodies.text(data, "token"), Bodies.text(data, "password"),
                Bodies.client(request, "unknown"));
    }

    @POST
    @Path("v1/auth/verify-email")
    public Uni<Map<String, Object>> verifyEmail(byte[] body, @Context HttpServerRequest request) {
        return accounts.verifyEmail(Bodies.text(Bodies.data(body), "token"), Bodies.client(request, "unknown"));
    }

    @POST
    @Path("v1/auth/resend-verification-email")
    public Uni<Map<String, Object>> resendVerification(byte[] body, @Context HttpServerRequest request) {
        return accounts.resendVerification(Bodies.text(Bodies.data(body), "email"),
                Bodies.client(request, "unknown"));
    }

    /** {@code {"password": ...}} → {@code {"result": true|false}} for the signed-in account. */
    @POST
    @Path("v1/auth/verify-password")
    public Uni<Map<String, Boolean>> verifyPassword(byte[] body) {
        JsonNode json = Bodies.json(body);
        String password = Bodies.text(json, "password");
        return caller.resolve().flatMap(who -> accounts.verifyPassword(who, password != null ? password
                : Bodies.text(json.path("data"), "password"))).map(result -> Map.of("result", result));
    }

    private Uni<Response> login(byte[] body) {
        return credentials(body, (email, password, json) -> auth.login(email, password,
                Bodies.flag(json, "remember-me")).map(tokens -> {
                    Map<String, String> answer = new LinkedHashMap<>();
                    answer.put("access_token", tokens.accessToken());
                    // The original hands the refresh token over in the body only when asked to (else as a cookie).
                    if (tokens.refreshToken() != null && Bodies.flag(json, "include-in-response")) {
                        answer.put("refresh_token", tokens.refreshToken());
                    }
                    return ok(answer);
                }));
    }

    /** Reads {@code email} (or {@code username}) and {@code password}; errors as the original's {@code {"error"}}. */
    private static Uni<Response> credentials(byte[] body, Login login) {
        JsonNode json;
        try {
            json = Bodies.json(body);
        } catch (ApiException e) {
            return Uni.createFrom().item(error(400, e.getMessage()));
        }
        String email = Bodies.text(json, "email");
        if (email == null) {
            email = Bodies.text(json, "username");
        }
        String password = Bodies.text(json, "password");
        if (email == null || password == null) {
            return Uni.createFrom().item(error(400, MISSING));
        }
        return login.with(email.trim(), password, json).onFailure(ApiException.class)
                .recoverWithItem(e -> error(((ApiException) e).status(), e.getMessage()));
    }

    private static String bearer(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2 && ("JWT".equalsIgnoreCase(parts[0]) || "Bearer".equalsIgnoreCase(parts[0]))
                ? parts[1] : null;
    }

    private static Response ok(Object answer) {
        return Response.ok(answer).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    /** A credential check answering a response. */
    @FunctionalInterface
    private interface Login {
        Uni<Response> with(String email, String password, JsonNode body);
    }
}
