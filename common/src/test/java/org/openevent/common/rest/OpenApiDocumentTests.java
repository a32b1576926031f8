package org.openevent.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running application's {@code /q/openapi} names the concrete routes of its declarations (the filter runs). */
@QuarkusTest
class OpenApiDocumentTests {

    @TestHTTPResource("/q/openapi?format=json")
    URI openapi;

    @Test
    void servedDocumentNamesConcreteKitRoutes() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(openapi).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        JsonNode paths = new ObjectMapper().readTree(answer.body()).path("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);

        for (String template : List.of("/v1/probe-items/{id}/{relationship}",
                "/v1/probe-items/{id}/relationships/{relationship}", "/v1/events/{ref}/{collection}",
                "/v1/events/{ref}/relationships/{collection}", "/v1/users/{userId}/{relationship}")) {
            assertFalse(names.contains(template), template + " is still a template: " + names);
        }
        for (String route : List.of("/v1/probe-items/{id}/parent", "/v1/probe-items/{id}/children",
                "/v1/probe-items/{id}/gifts", "/v1/probe-items/{id}/relationships/parent",
                "/v1/events/{ref}/probe-items", "/v1/events/{ref}/relationships/probe-items",
                "/v1/users/{userId}/probe-items")) {
            assertTrue(names.contains(route), route + " missing: " + names);
        }
        assertTrue(paths.path("/v1/probe-items/{id}/gifts").path("get").path("description").asText()
                .contains(ProbeItemRules.GIFTS_WHY));
        assertTrue(paths.path("/v1/probe-items/{id}/relationships/parent").has("patch"));
        assertFalse(paths.path("/v1/probe-items/{id}/relationships/children").has("patch"), "not writable");
        assertEquals("ref", paths.path("/v1/events/{ref}/probe-items").path("get").path("parameters").path(0)
                .path("name").asText());
    }
}
