package org.openevent.e2e.conformance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the suite sends it: {@code target} is the path and query exactly as they go on the wire
 * (already percent-encoded), so hostile bytes reach the gateway unaltered.
 */
record Request(String method, String target, Map<String, String> headers, byte[] body, boolean expectContinue) {

    static Request of(String method, String target) {
        return new Request(method, target, new LinkedHashMap<>(), null, false);
    }

    Request token(String token) {
        return token == null ? this : header("Authorization", "JWT " + token);
    }

    Request header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        headers.put(name, value);
        return new Request(method, target, headers, body, expectContinue);
    }

    Request body(String contentType, byte[] bytes) {
        Request request = header("Content-Type", contentType);
        return new Request(method, target, request.headers, bytes, expectContinue);
    }

    Request json(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    Request expectingContinue() {
        return new Request(method, target, headers, body, true);
    }

    Request at(String target) {
        return new Request(method, target, headers, body, expectContinue);
    }

    boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** The request line, shortened for reports. */
    String line() {
        String shown = target.length() > 140 ? target.substring(0, 140) + "...(" + target.length() + " chars)" : target;
        return method + " " + shown;
    }
}
