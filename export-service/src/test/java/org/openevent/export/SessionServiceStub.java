package org.openevent.export;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for session-service's {@code GET /internal/events/{id}/schedule-version} in module tests, where
 * session-service does not run. It is a separate HTTP server (plain Vert.x on a free port, handed to the REST
 * client's URL) rather than a JAX-RS resource in export-service's test classpath, so export-service under test
 * serves no route it lacks in production, its REST client, timeout and circuit breaker make a real network call
 * with the internal secret header (checked here), and tests can make it fail to see the 503.
 */
public class SessionServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Pattern ROUTE = Pattern.compile("/internal/events/(\\d+)/schedule-version");
    private static final Map<Long, Long> VERSIONS = new ConcurrentHashMap<>();
    private static volatile boolean failing;

    private Vertx vertx;
    private HttpServer server;

    /** The version the stub reports for an event from now on (0 when never set). */
    public static void scheduleVersion(long eventId, long version) {
        VERSIONS.put(eventId, version);
    }

    /** While true the stub answers 500, as a session-service in trouble would. */
    public static void failing(boolean fail) {
        failing = fail;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            Matcher route = ROUTE.matcher(request.path());
            if (!route.matches() || !"test-internal-secret".equals(request.getHeader("X-OpenEvent-Internal"))) {
                request.response().setStatusCode(404).end();
                return;
            }
            if (failing) {
                request.response().setStatusCode(500).end();
                return;
            }
            long eventId = Long.parseLong(route.group(1));
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"eventId\":" + eventId + ",\"scheduleVersion\":" + VERSIONS.getOrDefault(eventId, 0L) + "}");
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The session-service stub did not start", e);
        }
        return Map.of("quarkus.rest-client.session-service.url", "http://127.0.0.1:" + server.actualPort(),
                "openevent.export.freshness-timeout", "3s", "openevent.export.feeds.freshness-timeout", "20s");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
