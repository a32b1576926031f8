package org.openevent.common.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the owners of projected aggregates (event-service's {@code /internal/events/<ref>}, user-service's
 * {@code /internal/users/<id>}) in module
 * tests, where the owner does not run: it serves the snapshots a test registered and 404 otherwise, and checks
 * the internal secret like the real route. Module tests of read-your-writes register a snapshot here without
 * sending it to Kafka, so only the owner fallback can make it known.
 */
public class OwnerStandIn implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> SNAPSHOTS = new ConcurrentHashMap<>();
    private static final Map<String, String> USERS = new ConcurrentHashMap<>();
    private static volatile int requests;
    private HttpServer server;

    /** Serves {@code envelope} for the event's id and identifier. */
    public static void register(long eventId, String identifier, String envelope) {
        SNAPSHOTS.put(String.valueOf(eventId), envelope);
        SNAPSHOTS.put(identifier, envelope);
    }

    /** Serves {@code envelope} as user-service's current snapshot of the account (the token checks' fallback). */
    public static void registerUser(long userId, String envelope) {
        USERS.put(String.valueOf(userId), envelope);
    }

    /** How many snapshot requests arrived so far. */
    public static int requests() {
        return requests;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        serve("/internal/events/", SNAPSHOTS);
        serve("/internal/users/", USERS);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("openevent.services.event-service.url", url, "quarkus.rest-client.event-service.url", url,
                "openevent.services.user-service.url", url, "quarkus.rest-client.user-service.url", url);
    }

    private void serve(String prefix, Map<String, String> snapshots) {
        server.createContext(prefix, exchange -> {
            requests++;
            String reference = exchange.getRequestURI().getPath().substring(prefix.length());
            String secret = exchange.getRequestHeaders().getFirst("X-OpenEvent-Internal");
            String body = "test-internal-secret".equals(secret) ? snapshots.get(reference) : null;
            byte[] bytes = (body == null ? "{\"errors\":[{\"status\":\"404\"}]}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
