package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays every request the real Open Event Frontend was seen to make (src/test/resources/frontend-requests.tsv,
 * transcribed from the observed list) against the platform with the app's headers, and checks each answers 2xx
 * with the shape the app reads. It prints how many pass, and fails naming each one that does not.
 */
class FrontendReplayEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final String DEMO_EVENT = "Open Event Demo Summit";

    static String adminToken;
    static Map<String, String> placeholders;

    @BeforeAll
    static void context() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
        adminToken = given().contentType("application/json")
                .body(Map.of("email", System.getProperty("e2e.admin.email"),
                        "password", System.getProperty("e2e.admin.password")))
                .when().post("/auth/session").then().statusCode(200).extract().path("access_token");
        String filter = "[{\"name\":\"name\",\"op\":\"eq\",\"val\":\"" + DEMO_EVENT + "\"}]";
        Response events = admin().queryParam("filter", filter).when().get("/v1/events");
        String eventId = events.path("data[0].id");
        String identifier = events.path("data[0].attributes.identifier");
        String session = admin().queryParam("filter", "[{\"name\":\"state\",\"op\":\"eq\",\"val\":\"accepted\"}]")
                .when().get("/v1/events/" + eventId + "/sessions").then().statusCode(200).extract().path("data[0].id");
        String task = admin().when().get("/v1/events/" + eventId + "/export/ical").then().statusCode(200)
                .extract().path("task_url");
        placeholders = Map.of("{identifier}", identifier, "{id}", eventId, "{session}", session,
                "{user}", identityOf(adminToken), "{uuid}", task.substring(task.lastIndexOf('/') + 1));
    }

    @Test
    void everyObservedRequestAnswersWhatTheAppReads() throws IOException {
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (String[] row : rows()) {
            total++;
            String problem = replay(row[0], row[1], row[2], row[3], row[4], row[5]);
            if (problem != null) {
                failures.add(row[0] + " " + row[1] + (row[2].equals("-") ? "" : "?" + row[2]) + "\n      " + problem);
            }
        }
        System.out.printf("frontend replay: %d of %d observed requests answered 2xx with the expected shape%n",
                total - failures.size(), total);
        failures.forEach(failure -> System.out.println("  FAILED " + failure));
        assertTrue(failures.isEmpty(), failures.size() + " of " + total + " requests failed:\n"
                + String.join("\n", failures));
    }

    /** Null when the request answered as the app needs, otherwise what was wrong. */
    private static String replay(String method, String pathTemplate, String query, String who, String body,
                                 String expect) {
        String path = substitute(pathTemplate);
        RequestSpecification request = given().urlEncodingEnabled(false).accept(JSONAPI);
        if ("admin".equals(who)) {
            request.header("Authorization", "JWT " + adminToken);
        }
        if (!"-".equals(query)) {
            for (String parameter : substitute(query.replace("<now>", Instant.now().toString())).split("&(?=[a-z_]+[=\\[])")) {
                int equals = parameter.indexOf('=');
                request.queryParam(parameter.substring(0, equals), encode(parameter.substring(equals + 1)));
            }
        }
        switch (body) {
            case "login" -> request.contentType("application/json").accept("application/json").body(Map.of(
                    "username", System.getProperty("e2e.admin.email"),
                    "password", System.getProperty("e2e.admin.password"),
                    "remember-me", false, "include-in-response", false));
            case "new-event" -> request.contentType(JSONAPI).body("""
                    {"data": {"type": "event", "attributes": {"name": "Replayed wizard event", "state": "draft",
                     "timezone": "Asia/Singapore", "starts-at": "2027-11-01T01:00:00.000Z",
                     "ends-at": "2027-11-02T10:00:00.000Z", "privacy": "public", "is-map-shown": true,
                     "is-sessions-speakers-enabled": false, "online": false, "location-name": "Singapore",
                     "original-id": null, "is-featured": false}}}""");
            case "patch-event" -> request.contentType(JSONAPI).body("""
                    {"data": {"type": "event", "id": "%s", "attributes": {"name": "%s",
                     "description": "Two days of talks on open source event tooling.", "privacy": "public"}}}"""
                    .formatted(placeholders.get("{id}"), DEMO_EVENT));
            case "new-ticket" -> request.contentType(JSONAPI).body("""
                    {"data": {"type": "ticket", "attributes": {"name": "Free entry %s", "type": "free",
                     "price": 0, "quantity": 100, "sales-starts-at": "2027-01-01T00:00:00.000Z",
                     "sales-ends-at": "2027-06-01T00:00:00.000Z", "min-order": 1, "max-order": 10},
                     "relationships": {"event": {"data": {"type": "event", "id": "%s"}}}}}"""
                    .formatted(Instant.now().toEpochMilli(), placeholders.get("{id}")));
            default -> request.contentType(JSONAPI);
        }
        Response response = request.request(method, path);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return "answered " + status + ": " + abbreviate(response.asString());
        }
        return shapeProblem(expect, response);
    }

    private static String shapeProblem(String expect, Response response) {
        String type = Objects.toString(response.contentType(), "");
        switch (expect) {
            case "token" -> {
                return response.path("access_token") == null ? "no access_token" : null;
            }
            case "json" -> {
                return type.startsWith("application/json") ? null : "plain JSON expected, got " + type;
            }
            case "list" -> {
                if (!type.equals(JSONAPI)) {
                    return "media type " + type;
                }
                return response.path("data") instanceof List<?> && response.path("meta.count") != null ? null
                        : "a collection with meta.count expected: " + abbreviate(response.asString());
            }
            default -> {
                if (!type.equals(JSONAPI)) {
                    return "media type " + type;
                }
                Object data = response.path("data");
                return data instanceof Map<?, ?> map && map.get("type") != null && map.get("id") != null ? null
                        : "a single resource expected: " + abbreviate(response.asString());
            }
        }
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(FrontendReplayEndToEndTests.class.getResourceAsStream("/frontend-requests.tsv")),
                StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("method\t") && !line.isBlank())
                    .forEach(line -> rows.add(line.split("\t")));
        }
        return rows;
    }

    private static String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }

    private static String identityOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"identity\":\\s*(\\d+).*", "$1");
    }

    private static RequestSpecification admin() {
        return given().accept(JSONAPI).header("Authorization", "JWT " + adminToken);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
