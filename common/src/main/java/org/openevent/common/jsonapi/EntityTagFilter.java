package org.openevent.common.jsonapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every successful JSON GET answer a strong ETag (a hash of the exact body bytes) and turns a
 * matching {@code If-None-Match} (quoted, weak {@code W/"..."} or {@code *}) into a bodiless 304.
 * The body is serialized once here and handed on as bytes, so the tag always matches what is sent.
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
        byte[] body = mapper.writeValueAsBytes(entity);
        String tag = "\"" + digest(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        response.setEntity(body, null, type);
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
