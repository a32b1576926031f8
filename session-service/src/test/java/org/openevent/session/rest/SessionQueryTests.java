package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.post;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/** The filter language over sessions and speakers, including nested has/any, run by PostgreSQL. */
@QuarkusTest
class SessionQueryTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void nestedFiltersCrossTracksAndSpeakersAndRespectVisibility() {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String web = post(cast.ownerAuth(), "/v1/tracks", body("track", event.id(), "\"name\": \"Web\", \"color\": \"#112233\""))
                .statusCode(201).extract().path("data.id");
        String data = post(cast.ownerAuth(), "/v1/tracks", body("track", event.id(), "\"name\": \"Data\", \"color\": \"#445566\""))
                .statusCode(201).extract().path("data.id");
        String ada = post(cast.ownerAuth(), "/v1/speakers", body("speaker", event.id(),
                "\"name\": \"Ada Lovelace\", \"email\": \"ada@example.org\"")).statusCode(201).extract().path("data.id");
        session(cast, event, "Web one", "accepted", web, ada, "2027-05-01T10:00:00Z");
        session(cast, event, "Web two", "accepted", web, null, "2027-05-01T12:00:00Z");
        session(cast, event, "Data one", "accepted", data, ada, "2027-05-01T11:00:00Z");
        session(cast, event, "Web secret", "pending", web, ada, "2027-05-01T09:00:00Z");

        String sessions = "/v1/events/" + event.id() + "/sessions";
        titles(null, sessions, "[{\"name\": \"track\", \"op\": \"has\", \"val\": {\"name\": \"name\", \"op\": \"eq\", \"val\": \"Web\"}}]",
                List.of("Web one", "Web two"));
        titles(cast.ownerAuth(), sessions, "[{\"name\": \"track\", \"op\": \"has\", \"val\": {\"name\": \"name\", \"op\": \"eq\", \"val\": \"Web\"}}]",
                List.of("Web secret", "Web one", "Web two"));
        titles(null, sessions, "[{\"name\": \"speakers\", \"op\": \"any\", \"val\": {\"name\": \"name\", \"op\": \"ilike\", \"val\": \"%lovelace\"}}]",
                List.of("Web one", "Data one"));
        titles(null, sessions, "[{\"or\": [{\"name\": \"starts_at\", \"op\": \"ge\", \"val\": \"2027-05-01T11:30:00Z\"},"
                + " {\"name\": \"title\", \"op\": \"startswith\", \"val\": \"Data\"}]}]", List.of("Data one", "Web two"));
        given().queryParam("filter", "[{\"name\": \"state\", \"op\": \"eq\", \"val\": \"pending\"}]")
                .when().get(sessions).then().statusCode(200).body("meta.count", equalTo(0));
        // A private value filters only where the caller may read it: strangers learn nothing, organizers find Ada.
        String byEmail = "[{\"name\": \"speakers\", \"op\": \"any\", \"val\": {\"name\": \"email\", \"op\": \"eq\", \"val\": \"ada@example.org\"}}]";
        given().queryParam("filter", byEmail).when().get(sessions).then().statusCode(200).body("meta.count", equalTo(0));
        given().header("Authorization", cast.plainAuth()).queryParam("filter", byEmail).when().get(sessions).then()
                .statusCode(200).body("meta.count", equalTo(0));
        titles(cast.ownerAuth(), sessions, byEmail, List.of("Web secret", "Web one", "Data one"));
        given().queryParam("sort", "email").when().get("/v1/events/" + event.id() + "/speakers").then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("sort"));
        given().queryParam("sort", "-title").queryParam("page[size]", 1).queryParam("page[number]", 2)
                .when().get(sessions).then().statusCode(200)
                .body("data.attributes.title", equalTo(List.of("Web one")))
                .body("meta.count", equalTo(3));
        given().queryParam("filter", "[{\"name\": \"sessions\", \"op\": \"any\", \"val\": {\"name\": \"title\", \"op\": \"eq\", \"val\": \"Web secret\"}}]")
                .when().get("/v1/events/" + event.id() + "/speakers").then().statusCode(200).body("meta.count", equalTo(0));
        Programme.delete(cast.ownerAuth(), "/v1/tracks/" + data).statusCode(200);
        given().queryParam("get_trashed", "true").when().get("/v1/events/" + event.id() + "/tracks")
                .then().statusCode(200).body("data.attributes.name", equalTo(List.of("Web")));
        given().header("Authorization", cast.adminAuth()).queryParam("get_trashed", "true")
                .queryParam("filter", "[{\"name\": \"name\", \"op\": \"eq\", \"val\": \"Data\"}]")
                .when().get("/v1/events/" + event.id() + "/tracks")
                .then().statusCode(200).body("data[0].attributes.deleted-at", org.hamcrest.Matchers.notNullValue());
        given().queryParam("filter", "[{\"name\": \"name\", \"op\": \"eq\", \"val\": \"Web\"}]").queryParam("sort", "name")
                .when().get("/v1/events/" + event.id() + "/tracks").then().statusCode(200)
                .body("data.attributes.name", equalTo(List.of("Web")));
    }

    private static void session(Cast cast, TestEvent event, String title, String state, String track, String speaker,
                                String startsAt) {
        String relationships = "\"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + track + "\"}}"
                + (speaker == null ? "" : ", \"speakers\": {\"data\": [{\"type\": \"speaker\", \"id\": \"" + speaker + "\"}]}");
        String attributes = "\"title\": \"" + title + "\", \"state\": \"" + state + "\", \"starts-at\": \"" + startsAt
                + "\", \"ends-at\": \"2027-05-01T18:00:00Z\"";
        post(cast.ownerAuth(), "/v1/sessions", SessionResourceTests.withRelationships(
                body("session", event.id(), attributes), relationships)).statusCode(201);
    }

    private static void titles(String auth, String path, String filter, List<String> expected) {
        var request = given().queryParam("filter", filter).queryParam("sort", "starts-at");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        request.when().get(path).then().statusCode(200).body("data.attributes.title", equalTo(expected));
    }
}
