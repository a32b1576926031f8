package org.openevent.common.jsonapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Bodies bound by Jackson: duplicate keys are a 400, and a binding the server cannot do is a 500 document. */
@QuarkusTest
class StrictJsonTests {

    @TestHTTPResource("/test/echo/record")
    URI record;

    @TestHTTPResource("/test/echo/unbindable")
    URI unbindable;

    @Test
    void aKeyGivenTwiceIsABadRequest() throws Exception {
        HttpResponse<String> answer = post(record, "{\"name\": \"first\", \"name\": \"second\"}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("400", error(answer).path("status").asText());
        assertEquals("second", post(record, "{\"name\": \"second\"}").body(), "a single key binds");
    }

    @Test
    void aBindingJacksonCannotDoIsAnErrorDocument() throws Exception {
        HttpResponse<String> answer = post(unbindable, "{\"name\": \"x\"}");
        assertEquals(500, answer.statusCode());
        assertEquals(JsonApi.MEDIA_TYPE, answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("500", error(answer).path("status").asText(), answer.body());
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> answer) throws Exception {
        return new ObjectMapper().readTree(answer.body()).path("errors").path(0);
    }
}
