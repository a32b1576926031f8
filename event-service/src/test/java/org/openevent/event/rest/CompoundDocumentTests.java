package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.TestTokens;

/** {@code ?include=} on an event: one call per relationship to session-service, de-duplicated, 503 when it fails. */
@QuarkusTest
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
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("/internal/children/sessions?events=" + id
                + "&include=track")), calls.toString());
        assertTrue(calls.stream().allMatch(c -> c.contains("auth=" + token + " ")), "the caller's token travels along");
        assertTrue(calls.stream().allMatch(c -> c.endsWith("internal=test-internal-secret")), "and the service secret");
    }

    @Test
    void unknownIncludePathsAre400s() {
        String id = EventResourceTests.create(505, "Compound Conf", "published");
        given().queryParam("include", "nonsense").when().get("/v1/events/" + id).then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("include"));
        // Paths below a relationship another service owns are checked there, and its 400 is passed on.
        given().queryParam("include", "sessions.nonsense").when().get("/v1/events/" + id).then().statusCode(400)
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
