package org.openevent.common.jsonapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags: a hash of the exact bytes served. GET answers carry them; {@code If-Match} on writes is
 * compared with the tag of the resource as this caller would read it now.
 */
@ApplicationScoped
public class EntityTags {

    private final ObjectMapper mapper;

    public EntityTags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The serialized form of an answer body, as the response filter writes it. */
    public byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize an answer", e);
        }
    }

    /** The quoted tag of serialized bytes. */
    public static String of(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The tag of a body object. */
    public String tag(Object body) {
        return of(bytes(body));
    }

    /** True when any listed tag (weak or strong) equals ours, or the header is {@code *}. */
    public static boolean matches(String header, String tag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String candidate : header.split(",")) {
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
}
