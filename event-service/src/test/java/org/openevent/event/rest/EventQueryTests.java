package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.TestTokens;

/** Filters, sorting and paging of the event collection, executed by PostgreSQL; a random tag isolates each run's rows. */
@QuarkusTest
class EventQueryTests {

    static final String TAG = UUID.randomUUID().toString().substring(0, 8);

    static void create(String name, String start, String state, Double latitude) {
        given().contentType("application/vnd.api+json").header("Authorization", "JWT " + TestTokens.user(303))
                .body("""
                        {"data": {"type": "event", "attributes": {"name": "%s", "starts-at": "%s",
                         "ends-at": "2030-01-01T00:00:00Z", "timezone": "UTC", "state": "%s", "latitude": %s}}}"""
                        .formatted(name, start, state, latitude))
                .when().post("/v1/events").then().statusCode(201);
    }

    static String filter(String conditions) {
        return "[{\"name\": \"name\", \"op\": \"startswith\", \"val\": \"" + TAG + "\"}, " + conditions + "]";
    }

    @Test
    void everyOperatorRunsAgainstPostgres() {
        create(TAG + " alpha", "2027-01-10T10:00:00Z", "published", 10.0);
        create(TAG + " beta_50%", "2027-02-10T10:00:00Z", "published", null);
        create(TAG + " gamma", "2027-03-10T10:00:00Z", "published", 30.0);
        create(TAG + " hidden draft", "2027-03-10T10:00:00Z", "draft", 40.0);

        assertNames(filter("{\"name\": \"starts-at\", \"op\": \"gt\", \"val\": \"2027-02-01\"}"), List.of("beta_50%", "gamma"));
        assertNames(filter("{\"name\": \"latitude\", \"op\": \"eq\", \"val\": null}"), List.of("beta_50%"));
        assertNames(filter("{\"name\": \"latitude\", \"op\": \"between\", \"val\": [5, \"15\"]}"), List.of("alpha"));
        assertNames(filter("{\"name\": \"name\", \"op\": \"contains\", \"val\": \"_50%\"}"), List.of("beta_50%"));
        assertNames(filter("{\"name\": \"name\", \"op\": \"ilike\", \"val\": \"%GAMMA\"}"), List.of("gamma"));
        assertNames(filter("{\"name\": \"name\", \"op\": \"notilike\", \"val\": \"%a\"}"), List.of("beta_50%"));
        assertNames(filter("{\"name\": \"name\", \"op\": \"endswith\", \"val\": \"pha\"}"), List.of("alpha"));
        assertNames(filter("{\"or\": [{\"name\": \"latitude\", \"op\": \"ge\", \"val\": 30},"
                + " {\"not\": {\"name\": \"latitude\", \"op\": \"ne\", \"val\": null}}]}"), List.of("beta_50%", "gamma"));
        assertNames(filter("{\"name\": \"state\", \"op\": \"in_\", \"val\": [\"published\"]},"
                + " {\"name\": \"name\", \"op\": \"notin_\", \"val\": [\"" + TAG + " alpha\"]}"), List.of("beta_50%", "gamma"));
        assertNames(filter("{\"name\": \"starts_at\", \"op\": \"lt\", \"field\": \"ends_at\"},"
                + " {\"name\": \"latitude\", \"op\": \"isnot\", \"val\": null}"), List.of("alpha", "gamma"));
        assertNames(filter("{\"or\": []}"), List.of("alpha", "beta_50%", "gamma"));
    }

    @Test
    void sortingAndPagingRunInSql() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            create(tag + " n" + i, "2027-0" + i + "-01T10:00:00Z", "published", (double) i);
        }
        String only = "[{\"name\": \"name\", \"op\": \"startswith\", \"val\": \"" + tag + "\"}]";
        given().queryParam("filter", only).queryParam("sort", "-latitude").queryParam("page[size]", 2)
                .queryParam("page[number]", 2).queryParam("public", "true").queryParam("cache", "true")
                .when().get("/v1/events").then().statusCode(200)
                .body("meta.count", equalTo(5))
                .body("data.attributes.name", equalTo(List.of(tag + " n3", tag + " n2")))
                .body("links.next", containsString("page%5Bnumber%5D=3"))
                .body("links.prev", containsString("page%5Bnumber%5D=1"))
                .body("links.last", containsString("page%5Bnumber%5D=3"));
        given().queryParam("filter", only).queryParam("page[size]", 0)
                .when().get("/v1/events").then().statusCode(200).body("data.size()", equalTo(5));
    }

    @Test
    void badQueryParametersAre400sNamingTheParameter() {
        given().queryParam("filter", "[{\"name\": \"owner-password\", \"op\": \"eq\", \"val\": 1}]")
                .when().get("/v1/events").then().statusCode(400).body("errors[0].source.parameter", equalTo("filter"));
        given().queryParam("sort", "secret").when().get("/v1/events").then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("sort"));
        given().queryParam("page[size]", -1).when().get("/v1/events").then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("page[size]"));
    }

    static void assertNames(String filter, List<String> expected) {
        List<String> names = expected.stream().map(n -> TAG + " " + n).toList();
        given().queryParam("filter", filter).queryParam("sort", "name").queryParam("page[size]", 50)
                .when().get("/v1/events").then().statusCode(200)
                .body("data.attributes.name", equalTo(names))
                .body("data.attributes.name", not(hasItem(TAG + " hidden draft")))
                .body("data.attributes.state", everyItem(equalTo("published")));
    }
}
