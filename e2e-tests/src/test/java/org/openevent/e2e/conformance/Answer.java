package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One answer of the platform, with the judgements the suite makes about every answer. */
record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_API = "application/vnd.api+json";

    String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** The media type without parameters, lower case; empty when none was sent. */
    String mediaType() {
        String type = header("Content-Type");
        return type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is none. */
    JsonNode json() {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    boolean success() {
        return status >= 200 && status < 300;
    }

    boolean clientError() {
        return status >= 400 && status < 500;
    }

    boolean serverError() {
        return status >= 500;
    }

    /** An HTML page (a proxy's or a framework's default error page) instead of a document. */
    boolean isHtml() {
        return mediaType().contains("html") || text().stripLeading().startsWith("<");
    }

    /** A JSON:API error document whose errors carry this answer's status. */
    boolean isErrorDocument() {
        JsonNode json = json();
        if (!JSON_API.equals(mediaType()) || json == null || !json.path("errors").isArray()
                || json.path("errors").isEmpty()) {
            return false;
        }
        for (JsonNode error : json.path("errors")) {
            if (!String.valueOf(status).equals(error.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** The plain JSON error of the login routes: {@code {"error": "..."}}. */
    boolean isPlainError() {
        JsonNode json = json();
        return json != null && json.path("error").isTextual();
    }

    /** The {@code source.pointer} of the first error, or null. */
    String pointer() {
        JsonNode json = json();
        JsonNode pointer = json == null ? null : json.path("errors").path(0).path("source").path("pointer");
        return pointer == null || !pointer.isTextual() ? null : pointer.asText();
    }

    /** A short description for reports. */
    String summary() {
        String text = text().replaceAll("\\s+", " ");
        return status + " " + mediaType() + " " + (text.length() > 160 ? text.substring(0, 160) + "..." : text);
    }
}
