package org.openevent.event.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A stand-in for user-service's internal routes (another process): the contact route role invitations are matched
 * with ({@code /internal/users/<id>/contact}, answering the addresses tests register, 404 otherwise, 500 when down)
 * and the user resources remote includes fetch ({@code /internal/resources/user}).
 */
public class UserServiceStub implements QuarkusTestResourceLifecycleManager {

    /** User id → e-mail address, as user-service would know them. */
    public static final Map<Long, String> CONTACTS = new ConcurrentHashMap<>();
    /** User id → user-service's current account snapshot (an envelope), for the token checks' fallback. */
    public static final Map<Long, String> SNAPSHOTS = new ConcurrentHashMap<>();
    /** When set, every contact lookup fails as an unhealthy service would. */
    public static volatile boolean down;
    /** When set, contact lookups answer only after 5 s, past the client's timeout. */
    public static volatile boolean slow;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            var response = request.response().putHeader("Content-Type", "application/json");
            if (!"test-internal-secret".equals(request.getHeader("X-OpenEvent-Internal"))) {
                response.setStatusCode(404).end("{}");
            } else if (path.matches("/internal/users/\\d+/contact")) {
                long id = Long.parseLong(path.split("/")[3]);
                String email = CONTACTS.get(id);
                if (slow) {
                    vertx.setTimer(5_000, tick -> response.end(
                            "{\"id\": %d, \"email\": \"%s\", \"verified\": true}".formatted(id, email)));
                } else if (down) {
                    response.setStatusCode(500).end("{}");
                } else if (email == null) {
                    response.setStatusCode(404).end("{}");
                } else {
                    response.end("{\"id\": %d, \"email\": \"%s\", \"verified\": true}".formatted(id, email));
                }
            } else if (path.matches("/internal/users/\\d+")) {
                String snapshot = SNAPSHOTS.get(Long.parseLong(path.split("/")[3]));
                response.setStatusCode(snapshot == null ? 404 : 200).end(snapshot == null ? "{}" : snapshot);
            } else if (path.equals("/internal/resources/user")) {
                String ids = request.getParam("ids");
                String data = ids == null || ids.isBlank() ? "" : java.util.Arrays.stream(ids.split(","))
                        .map(id -> "{\"type\": \"user\", \"id\": \"%s\", \"attributes\": {\"first-name\": \"User %s\"}}"
                                .formatted(id, id))
                        .collect(Collectors.joining(","));
                response.putHeader("Content-Type", "application/vnd.api+json").end("{\"data\": [" + data + "]}");
            } else {
                response.setStatusCode(404).end("{}");
            }
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the user-service stand-in", e);
        }
        return Map.of("openevent.services.user-service.url", "http://127.0.0.1:" + server.actualPort(),
                "quarkus.rest-client.user-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
