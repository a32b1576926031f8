package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and hostile filter, sort, page and include values against the real endpoint:
 * every answer must be a 2xx or a JSON:API 4xx error, never a 5xx.
 */
@QuarkusTest
class FilterFuzzTests {

    /** Fixed so that every run is reproducible; another seed is one -Dfuzz.seed away. */
    static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    static final int ROUNDS = Integer.getInteger("fuzz.rounds", 2000);
    static final List<String> NAMES = List.of("name", "starts-at", "starts_at", "ends-at", "latitude", "state",
            "identifier", "created-at", "description", "id", "password", "owner", "sessions", "", "name\"", "e.id",
            "1=1", "name;drop table event");
    static final List<String> OPS = List.of("eq", "ne", "lt", "le", "gt", "ge", "like", "ilike", "notlike",
            "notilike", "in_", "notin_", "is_", "isnot", "startswith", "endswith", "contains", "between", "has",
            "any", "==", "regexp", "", "EQ", "or");
    static final List<String> VALUES = List.of("null", "true", "false", "\"true\"", "0", "-1", "1e308", "-1e400",
            "3.14", "\"2027-01-01\"", "\"2027-01-01T10:00:00+05:30\"", "\"2027-13-45\"", "\"' or 1=1 --\"",
            "\"%\"", "\"_\"", "\"!\"", "\"\\\\\"", "\"\\u0000\"", "\"ünïcødé ✓\"", "[]", "[1, 2]",
            "[\"a\", null]", "{}", "{\"name\": \"name\", \"op\": \"eq\", \"val\": 1}", "\"" + "x".repeat(3000) + "\"",
            "99999999999999999999999", "\"NaN\"");

    final Random random = new Random(SEED);

    @Test
    void hostileQueriesNeverCauseServerErrors() {
        int ok = 0;
        int rejected = 0;
        for (int i = 0; i < ROUNDS; i++) {
            var request = given().urlEncodingEnabled(true);
            switch (random.nextInt(6)) {
                case 0 -> request.queryParam("filter", randomText());
                case 1 -> request.queryParam("sort", pick(List.of("name", "-name", "starts-at,-id", "password", "-",
                        ",", "name,name", "-starts_at", randomText())));
                case 2 -> request.queryParam("page[size]", pick(List.of("0", "-1", "1001", "abc", "1e3", "20", "")))
                        .queryParam("page[number]", pick(List.of("1", "0", "-5", "999999", "x", "2147483648")));
                case 3 -> request.queryParam("include", pick(List.of("sessions", "nope", "a.b.c", ",", randomText())));
                default -> request.queryParam("filter", "[" + condition(0) + "]");
            }
            Response response = request.when().get("/v1/events");
            int status = response.statusCode();
            assertTrue(status < 500, "seed " + SEED + " round " + i + " answered " + status + ": " + response.asString());
            if (status >= 400) {
                String context = "seed " + SEED + " round " + i + " answered " + status + " " + response.contentType()
                        + ": " + response.asString();
                assertTrue(response.contentType() != null && response.contentType().contains("json"),
                        "4xx without a JSON:API error document: " + context);
                assertEquals(String.valueOf(status), response.path("errors[0].status"), context);
                rejected++;
            } else {
                ok++;
            }
        }
        System.out.printf("filter fuzz: seed=%d rounds=%d ok=%d rejected=%d%n", SEED, ROUNDS, ok, rejected);
        assertTrue(ok > 0 && rejected > 0, "the generator should produce both valid and invalid queries");
    }

    private String condition(int depth) {
        int kind = random.nextInt(depth > 3 ? 3 : 6);
        return switch (kind) {
            case 3 -> "{\"or\": [" + condition(depth + 1) + ", " + condition(depth + 1) + "]}";
            case 4 -> "{\"not\": " + condition(depth + 1) + "}";
            case 5 -> "{\"and\": [" + condition(depth + 1) + "]}";
            default -> {
                String comparison = random.nextInt(8) == 0
                        ? "\"field\": \"" + pick(NAMES) + "\""
                        : "\"val\": " + pick(VALUES);
                yield "{\"name\": \"" + pick(NAMES).replace("\"", "\\\"") + "\", \"op\": \"" + pick(OPS) + "\", "
                        + comparison + "}";
            }
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        String alphabet = "[]{}\":,\\ 'nameopval0123456789-_.%!<>=;()\u00e9\u2713";
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
