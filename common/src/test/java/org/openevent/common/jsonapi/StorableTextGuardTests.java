package org.openevent.common.jsonapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openevent.common.resource.Texts;

/** Unstorable text in any JSON body is a 422 pointing at it, before a hand-written route sees the body. */
@QuarkusTest
class StorableTextGuardTests {

    @TestHTTPResource("/test/echo/text")
    URI text;

    @TestHTTPResource("/test/echo/record")
    URI record;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void nulInANestedValueIsPointedAt() throws Exception {
        HttpResponse<String> answer = post(text, "application/vnd.api+json",
                "{\"data\": {\"type\": \"user\", \"attributes\": {\"email\": \"a\\u0000b@example.org\"}}}");
        assertUnstorable(answer, "/data/attributes/email");
    }

    @Test
    void loneSurrogatesAreRefusedAsEscapesAndAsBytes() throws Exception {
        assertUnstorable(post(text, "application/json", "{\"name\": \"x\\uD800\"}"), "/name");
        assertUnstorable(post(text, "application/json", "{\"list\": [\"ok\", \"\\udc00\"]}"), "/list/1");
        assertUnstorable(post(text, "application/json", bytes("{\"name\": \"x", new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, "\"}")), "/name");
    }

    @Test
    void aBadKeyPointsAtItsObjectAndPlainTextBodiesAreCheckedToo() throws Exception {
        assertUnstorable(post(text, "application/json", "{\"data\": {\"a\\u0000b\": 1}}"), "/data");
        assertUnstorable(post(text, "text/plain", "{\"email\": \"a\\u0000\", \"password\": \"p\"}"), "/email");
        assertUnstorable(post(record, "application/json", "{\"name\": \"x\\u0000\"}"), "/name");
    }

    @Test
    void storableAndNonJsonBodiesReachTheRoute() throws Exception {
        HttpResponse<String> emoji = post(record, "application/json", "{\"name\": \"\\ud83d\\ude00 ok\"}");
        assertEquals(200, emoji.statusCode(), emoji.body());
        assertEquals("\uD83D\uDE00 ok", emoji.body());
        HttpResponse<String> notJson = post(text, "text/plain", "not json \\u0000");
        assertEquals(200, notJson.statusCode(), "the route judges what is no JSON");
        assertEquals("not json \\u0000", notJson.body());
    }

    @Test
    void onlySuspiciousBytesAreParsed() {
        assertFalse(StorableTextGuard.suspicious("{\"name\": \"plain \\\\ text \\u00e9\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(StorableTextGuard.suspicious("{\"a\": \"\\U0000\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(StorableTextGuard.suspicious("{\"a\": \"\\uDBFF\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(StorableTextGuard.suspicious(new byte[] {'{', 0, '}'}));
        assertEquals(List.of(), StorableTextGuard.unstorable("{\"a\": \"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(URI uri, String type, String body) throws Exception {
        return post(uri, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(URI uri, String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void assertUnstorable(HttpResponse<String> answer, String pointer) throws Exception {
        assertEquals(422, answer.statusCode(), answer.body());
        assertEquals(JsonApi.MEDIA_TYPE, answer.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = new ObjectMapper().readTree(answer.body()).path("errors").path(0);
        assertEquals(pointer, error.path("source").path("pointer").asText(), answer.body());
        assertEquals(Texts.UNSTORABLE, error.path("detail").asText());
    }
}
