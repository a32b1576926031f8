package org.openevent.user.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vertx.core.http.HttpServerRequest;
import org.openevent.common.jsonapi.ApiException;

/** Reading the plain JSON bodies of the account routes, and who the client is (for rate limits). */
final class Bodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {
    }

    /** The body as JSON; an empty body is an empty object, anything unparsable a 400. */
    static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (Exception e) {
            throw ApiException.badDocument("/", "The request body is not valid JSON.");
        }
    }

    /** The original's {@code {"data": {...}}} wrapper of account requests. */
    static JsonNode data(byte[] body) {
        return json(body).path("data");
    }

    /** A non-empty text member, or null. */
    static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    static boolean flag(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }

    /**
     * The client's address: the last entry of {@code X-Forwarded-For} (the one the gateway appended; earlier ones
     * are the client's own claims), else the connection's peer.
     */
    static String client(HttpServerRequest request, String fallback) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].trim();
        }
        return request.remoteAddress() == null ? fallback : request.remoteAddress().hostAddress();
    }
}
