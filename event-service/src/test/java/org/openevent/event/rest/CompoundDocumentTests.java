package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.TestTokens;

/** {@code ?include=} on an event: one call per relationship to session-service, de-duplicated, 503 when it fails. */
@QuarkusTest
@QuarkusTestResource(value = SessionServiceStub.class, restrictToAnnotatedClass = true)
class CompoundDocumentTests {

    @Test
    void includesAreOneCallPerRelationshipAndDeduplicated() {
        SessionServiceStub.mode = SessionServiceStub.Mode.NORMAL;
        String id = EventResourceTests.create(505, "Compound Conf", "published");
        SessionServiceStub.REQUESTS.clear();
        String token = "JWT " + TestTokens.user(505);
        given().header("Authorization", token)
                .queryParam("include", "sessions.track,tracks,microlocations")
                .when().get("/v1/events/" + id).then().statusCode(200)
                .body("data.relationships.sessions.data.id", equalTo(List.of("1", "2")))
                .body("data.relationships.tracks.data.id", equalTo(List.of("7")))
                .body("data.relationships.microlocations.data", hasSize(0))
                .body("data.relationships.speakers.data", equalTo(null))
                .body("included.findAll { it.type == 'track' }", hasSize(1))
                .body("included.findAll { it.type == 'session' }", hasSize(2));
        List<String> calls = List.copyOf(SessionServiceStub.REQUESTS);
        assertEquals(3, calls.size(), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("/v1/events/" + id + "/sessions?include=track")), calls.toString());
        assertTrue(calls.stream().allMatch(c -> c.contains("page%5Bsize%5D=0") || c.contains("page[size]=0")), calls.toString());
        assertTrue(calls.stream().allMatch(c -> c.endsWith("auth=" + token)), "the caller's token travels along");
    }

    @Test
    void unknownIncludePathsAre400s() {
        String id = EventResourceTests.create(505, "Compound Conf", "published");
        given().queryParam("include", "sessions.event.owner").when().get("/v1/events/" + id).then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("include"));
    }

    @Test
    void aSlowSessionServiceYields503NotAPartialDocument() {
        String id = EventResourceTests.create(505, "Compound Conf", "published");
        SessionServiceStub.mode = SessionServiceStub.Mode.SLOW;
        try {
            given().queryParam("include", "sessions").when().get("/v1/events/" + id).then().statusCode(503)
                    .body("errors[0].status", equalTo("503"));
            given().when().get("/v1/events/" + id).then().statusCode(200);
        } finally {
            SessionServiceStub.mode = SessionServiceStub.Mode.NORMAL;
        }
    }
}
