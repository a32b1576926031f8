package org.openevent.common.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finishes every successful JSON GET answer: applies sparse fieldsets ({@code fields[type]=a,b}), gives
 * it a strong ETag (a hash of the exact body bytes) and turns a matching {@code If-None-Match} (quoted,
 * weak {@code W/"..."} or {@code *}) into a bodiless 304. The body is serialized once here and handed
 * on as bytes, so the tag always matches what is sent.
 */
public class EntityTagFilter {

    private final ObjectMapper mapper;

    public EntityTagFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (entity instanceof byte[] || entity instanceof String || type == null || !type.getSubtype().endsWith("json")) {
            return;
        }
        Map<String, Set<String>> fieldsets = fieldsets(request.getUriInfo().getQueryParameters());
        byte[] body = fieldsets.isEmpty() || !(entity instanceof Document)
                ? mapper.writeValueAsBytes(entity)
                : mapper.writeValueAsBytes(sparse(mapper.valueToTree(entity), fieldsets));
        String tag = "\"" + digest(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        response.setEntity(body, null, type);
    }

    /** {@code fields[event]=name,starts_at} as type → dasherized names. */
    static Map<String, Set<String>> fieldsets(MultivaluedMap<String, String> query) {
        Map<String, Set<String>> fieldsets = new HashMap<>();
        query.forEach((name, values) -> {
            if (name.startsWith("fields[") && name.endsWith("]") && !values.isEmpty()) {
                String type = name.substring(7, name.length() - 1).replace('_', '-');
                Set<String> names = new HashSet<>();
                for (String field : values.get(0).split(",")) {
                    names.add(field.trim().replace('_', '-'));
                }
                fieldsets.put(type, names);
            }
        });
        return fieldsets;
    }

    private static JsonNode sparse(JsonNode document, Map<String, Set<String>> fieldsets) {
        JsonNode data = document.get("data");
        if (data != null && data.isArray()) {
            data.forEach(resource -> prune(resource, fieldsets));
        } else if (data != null && data.isObject()) {
            prune(data, fieldsets);
        }
        JsonNode included = document.get("included");
        if (included != null) {
            included.forEach(resource -> prune(resource, fieldsets));
        }
        return document;
    }

    private static void prune(JsonNode resource, Map<String, Set<String>> fieldsets) {
        Set<String> keep = fieldsets.get(resource.path("type").asText());
        if (keep == null) {
            return;
        }
        for (String member : new String[] {"attributes", "relationships"}) {
            if (resource.get(member) instanceof ObjectNode object) {
                object.retain(keep);
            }
        }
    }

    /** True when any listed tag (weak or strong) equals ours, or the header is {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (!value.startsWith("\"")) {
                value = "\"" + value + "\"";
            }
            if (value.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
