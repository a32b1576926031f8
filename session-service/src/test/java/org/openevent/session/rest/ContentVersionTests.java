package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.patch;
import static org.openevent.session.rest.Programme.post;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/**
 * {@code /internal/events/{id}/content-version}, by which event-service keeps anonymous event documents: only other
 * services (with the shared secret) read it, and every committed change of the event's schedule, a speaker linked to
 * a session included, raises it by the time the write's 2xx is out.
 */
@QuarkusTest
class ContentVersionTests {

    static final String SECRET = "test-internal-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyCommittedScheduleChangeRaisesTheVersionAtOnce() {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String route = "/internal/events/" + event.id() + "/content-version";
        given().when().get(route).then().statusCode(404);

        long before = version(route);
        post(cast.ownerAuth(), "/v1/tracks", body("track", event.id(), "\"name\": \"Web\", \"color\": \"#336699\""))
                .statusCode(201);
        long afterTrack = version(route);
        assertTrue(afterTrack > before, before + " -> " + afterTrack);

        String session = post(cast.ownerAuth(), "/v1/sessions", SessionResourceTests.session(event.id(), "Versioned",
                "accepted")).statusCode(201).extract().path("data.id");
        String speaker = post(cast.ownerAuth(), "/v1/speakers",
                body("speaker", event.id(), "\"name\": \"Ada\"")).statusCode(201).extract().path("data.id");
        long afterSpeaker = version(route);
        assertTrue(afterSpeaker > afterTrack, afterTrack + " -> " + afterSpeaker);

        patch(cast.ownerAuth(), "/v1/sessions/" + session + "/relationships/speakers",
                "{\"data\": [{\"type\": \"speaker\", \"id\": \"" + speaker + "\"}]}").statusCode(200);
        long afterLink = version(route);
        assertTrue(afterLink > afterSpeaker, afterSpeaker + " -> " + afterLink);
    }

    private static long version(String route) {
        return given().header("X-OpenEvent-Internal", SECRET).when().get(route).then().statusCode(200)
                .extract().jsonPath().getLong("version");
    }
}
