package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The valid body of a call: the route's sample from bodies.json, or for PATCH and relationship routes one
 * derived from what the resource is now (an empty change, or its own linkage sent back), so every allowed caller
 * succeeds and every other caller is refused for who it is, not for what it sent.
 */
final class Bodies {

    private final Http http;
    private final World world;
    private final Samples samples;
    private final Map<String, String> typeByRoute = new HashMap<>();

    Bodies(Http http, World world, Samples samples) {
        this.http = http;
        this.world = world;
        this.samples = samples;
    }

    /** Thrown for a route that takes a body the suite cannot make up: it needs a sample in bodies.json. */
    static final class NoSample extends RuntimeException {
        NoSample(String route) {
            super("bodies.json has no sample for " + route);
        }
    }

    /** The content type a route's body goes with: JSON unless the route documents a JSON flavour. */
    static String contentType(ApiCatalog.Operation operation) {
        String documented = operation.bodyMediaType();
        return documented != null && documented.contains("json") ? documented : "application/json";
    }

    /** The body of an allowed call, or null when the route takes none. */
    String of(ApiCatalog.Operation operation, World.Binding binding) {
        if (!operation.hasBody() && !operation.method().equals("DELETE")) {
            return null;
        }
        if (samples.has(operation.key())) {
            return samples.body(operation.key(), binding.placeholders()).orElseThrow();
        }
        String target = binding.target(operation.path());
        if (isLinkage(operation.path())) {
            JsonNode current = adminRead(target.split("\\?")[0]);
            JsonNode data = current == null ? null : current.path("data");
            boolean toMany = data != null && data.isArray();
            return switch (operation.method()) {
                case "PATCH" -> "{\"data\": " + (data == null || data.isMissingNode() ? "null" : data) + "}";
                case "DELETE" -> toMany ? "{\"data\": []}" : "{\"data\": null}";
                default -> "{\"data\": []}";
            };
        }
        if (operation.method().equals("PATCH")) {
            String id = binding.path().get(binding.path().size() - 1);
            return "{\"data\": {\"type\": \"" + typeOf(operation, target) + "\", \"id\": \"" + id
                    + "\", \"attributes\": {}}}";
        }
        if (operation.method().equals("DELETE")) {
            return null;
        }
        throw new NoSample(operation.key());
    }

    /**
     * The body the hostile corpus mutates: for a PATCH of a resource, every attribute it has now (so every
     * attribute is attacked); otherwise the allowed body.
     */
    String baseline(ApiCatalog.Operation operation, World.Binding binding) {
        String body = of(operation, binding);
        if (body == null || !operation.method().equals("PATCH") || isLinkage(operation.path())) {
            return body;
        }
        JsonNode current = adminRead(binding.target(operation.path()).split("\\?")[0]);
        JsonNode attributes = current == null ? null : current.path("data").path("attributes");
        if (attributes == null || !attributes.isObject()) {
            return body;
        }
        ObjectNode document = (ObjectNode) Answer.JSON.valueToTree(parse(body));
        ((ObjectNode) document.path("data")).set("attributes", attributes);
        return document.toString();
    }

    /** A body whose {@code data.id} (the resource a PATCH names) is {@code id}; other bodies as they are. */
    static String withId(String body, String id) {
        JsonNode document = body == null ? null : HostileCorpus.parse(body);
        if (document == null || !document.path("data").isObject() || !document.path("data").has("id")) {
            return body;
        }
        ((ObjectNode) document.path("data")).put("id", id);
        return document.toString();
    }

    static boolean isLinkage(String path) {
        return path.contains("/relationships/");
    }

    private String typeOf(ApiCatalog.Operation operation, String target) {
        return typeByRoute.computeIfAbsent(operation.path(), route -> {
            JsonNode current = adminRead(target.split("\\?")[0]);
            String type = current == null ? null : current.path("data").path("type").asText(null);
            if (type == null) {
                throw new NoSample(operation.key() + " (its resource could not be read to learn its type)");
            }
            return type;
        });
    }

    /** The resource as an admin reads it, or as the owner where it is theirs alone (a favourite). */
    private JsonNode adminRead(String target) {
        for (Caller reader : List.of(Caller.ADMIN, Caller.OWNER)) {
            Answer answer = http.send(Request.of("GET", target).token(world.token(reader)));
            if (answer.status() == 200) {
                return answer.json();
            }
        }
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return Answer.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
