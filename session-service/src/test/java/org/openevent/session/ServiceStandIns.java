package org.openevent.session;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the parts of event-service and user-service that session-service calls, in module tests where
 * they do not run: event-service's snapshot route (always 404: no read-your-writes shortcut, events arrive by
 * Kafka) and its {@code /internal/resources/event}; user-service's {@code /internal/resources/user} and
 * {@code /internal/users/<id>/contact}. Both check the internal secret like the real routes and serve only what a
 * test registered.
 */
public class ServiceStandIns implements QuarkusTestResourceLifecycleManager {

    private static final String SECRET = "test-internal-secret";
    private static final Map<Long, String> EVENTS = new ConcurrentHashMap<>();
    private static final Map<Long, String> EMAILS = new ConcurrentHashMap<>();
    private static final Map<Long, Boolean> VERIFIED = new ConcurrentHashMap<>();
    private static final AtomicInteger CONTACT_REQUESTS = new AtomicInteger();
    private static volatile boolean usersDown;
    private HttpServer events;
    private HttpServer users;

    /** Serves the event as event-service would render it to anyone. */
    public static void event(long id, String identifier, String name) {
        EVENTS.put(id, """
                {"type": "event", "id": "%d", "attributes": {"identifier": "%s", "name": "%s"},
                 "links": {"self": "/v1/events/%d"}}""".formatted(id, identifier, name, id));
    }

    /** Gives the user an account address (and serves the user's public resource). */
    public static void user(long id, String email, boolean verified) {
        EMAILS.put(id, email);
        VERIFIED.put(id, verified);
    }

    /** Makes user-service answer 500 to everything (or serve again). */
    public static void usersDown(boolean down) {
        usersDown = down;
    }

    /** How many contact requests arrived so far. */
    public static int contactRequests() {
        return CONTACT_REQUESTS.get();
    }

    @Override
    public Map<String, String> start() {
        events = server();
        events.createContext("/internal/events/", exchange -> answer(exchange, 404, "{\"errors\":[{\"status\":\"404\"}]}"));
        events.createContext("/internal/resources/event", exchange -> answer(exchange, 200,
                document(ids(exchange), EVENTS)));
        users = server();
        users.createContext("/internal/resources/user", exchange -> {
            Map<Long, String> found = new ConcurrentHashMap<>();
            EMAILS.keySet().forEach(id -> found.put(id, """
                    {"type": "user", "id": "%d", "attributes": {"public-name": "User %d"},
                     "links": {"self": "/v1/users/%d"}}""".formatted(id, id, id)));
            answer(exchange, usersDown ? 500 : 200, document(ids(exchange), found));
        });
        users.createContext("/internal/users/", exchange -> {
            CONTACT_REQUESTS.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            long id = parts.length == 5 && parts[4].equals("contact") ? Long.parseLong(parts[3]) : -1;
            String email = EMAILS.get(id);
            if (usersDown) {
                answer(exchange, 500, "{}");
            } else if (email == null) {
                answer(exchange, 404, "{\"errors\":[{\"status\":\"404\"}]}");
            } else {
                answer(exchange, 200, "{\"id\": %d, \"email\": \"%s\", \"verified\": %s}"
                        .formatted(id, email, VERIFIED.get(id)));
            }
        });
        events.start();
        users.start();
        String eventUrl = "http://127.0.0.1:" + events.getAddress().getPort();
        String userUrl = "http://127.0.0.1:" + users.getAddress().getPort();
        return Map.of("openevent.services.event-service.url", eventUrl, "quarkus.rest-client.event-service.url",
                eventUrl, "openevent.services.user-service.url", userUrl, "quarkus.rest-client.user-service.url",
                userUrl);
    }

    @Override
    public void stop() {
        events.stop(0);
        users.stop(0);
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(HttpExchange exchange) {
        List<Long> ids = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("ids=")) {
                for (String id : URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8).split(",")) {
                    ids.add(Long.parseLong(id));
                }
            }
        }
        return ids;
    }

    private static String document(List<Long> ids, Map<Long, String> resources) {
        List<String> found = ids.stream().filter(resources::containsKey).map(resources::get).toList();
        return "{\"data\": [" + String.join(",", found) + "], \"jsonapi\": {\"version\": \"1.0\"}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        boolean authorized = SECRET.equals(exchange.getRequestHeaders().getFirst("X-OpenEvent-Internal"));
        byte[] bytes = (authorized ? body : "{\"errors\":[{\"status\":\"404\"}]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(authorized ? status : 404, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
