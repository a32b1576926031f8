package org.openevent.event.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for session-service's internal children route (a remote process, not a database), so event-service's
 * compound documents, timeouts and 503s can be tested on their own. Real wiring is covered end to end.
 */
public class SessionServiceStub implements QuarkusTestResourceLifecycleManager {

    /** How the stub answers: normally, or too slowly for the client's timeout. */
    public enum Mode { NORMAL, SLOW }

    public static volatile Mode mode = Mode.NORMAL;
    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            REQUESTS.add(request.path() + "?" + request.query() + " auth=" + request.getHeader("Authorization")
                    + " internal=" + request.getHeader("X-OpenEvent-Internal"));
            String path = request.path();
            String event = request.getParam("events");
            long delay = mode == Mode.SLOW ? 5_000 : 1;
            vertx.setTimer(delay, tick -> {
                String include = request.getParam("include");
                if (include != null && include.contains("nonsense")) {
                    request.response().setStatusCode(400).putHeader("Content-Type", "application/vnd.api+json")
                            .end("{\"errors\": [{\"status\": \"400\", \"detail\": \"'nonsense' is not a relationship\","
                                    + " \"source\": {\"parameter\": \"include\"}}]}");
                } else if (path.endsWith("/children/sessions")) {
                    request.response().putHeader("Content-Type", "application/vnd.api+json").end("""
                            {"data": [
                              {"type": "session", "id": "1", "attributes": {"title": "One"},
                               "relationships": {"event": {"data": {"type": "event", "id": "%1$s"}},
                                                 "track": {"data": {"type": "track", "id": "7"}}}},
                              {"type": "session", "id": "2", "attributes": {"title": "Two"},
                               "relationships": {"event": {"data": {"type": "event", "id": "%1$s"}},
                                                 "track": {"data": {"type": "track", "id": "7"}}}}],
                             "included": [{"type": "track", "id": "7", "attributes": {"name": "Web"}}]}"""
                            .formatted(event));
                } else if (path.endsWith("/children/tracks")) {
                    request.response().putHeader("Content-Type", "application/vnd.api+json").end(("{\"data\": [{\"type\":"
                            + " \"track\", \"id\": \"7\", \"attributes\": {\"name\": \"Web\"}, \"relationships\":"
                            + " {\"event\": {\"data\": {\"type\": \"event\", \"id\": \"%s\"}}}}]}").formatted(event));
                } else {
                    request.response().putHeader("Content-Type", "application/vnd.api+json").end("{\"data\": []}");
                }
            });
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the session-service stub", e);
        }
        return Map.of("openevent.services.session-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
