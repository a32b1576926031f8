package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.session.rest.Scene.one;
import static org.openevent.session.rest.Scene.ref;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what on every route this issue added, for the whole cast of an event: anonymous, a plain user (who
 * proposed the pending session and wrote the feedback), an organizer of another event, a track organizer, a
 * co-organizer, an organizer, the owner and an admin. Whatever a caller may not see answers 404, exactly like
 * something that does not exist; writes a caller may see but not make answer 403.
 */
@QuarkusTest
class AuthorizationMatrixTests {

    static final List<String> CALLERS = List.of("anonymous", "user", "other-organizer", "track-organizer",
            "coorganizer", "organizer", "owner", "admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Scene scene;
    final List<String> mismatches = new ArrayList<>();

    @BeforeEach
    void schedule() {
        if (scene == null) {
            scene = Scene.build(bootstrap);
        }
    }

    @Test
    void platformWideAndPerUserLists() {
        for (String collection : List.of("sessions", "speakers", "tracks", "microlocations", "session-types",
                "video-streams", "exhibitors", "feedbacks", "speaker-invites")) {
            check("GET", caller -> "/v1/" + collection, null, "401 403 403 403 403 403 403 200");
        }
        check("GET", caller -> "/v1/user-favourite-sessions", null, "401 200 200 200 200 200 200 200");
        for (String relation : List.of("sessions", "speakers", "feedbacks", "favourites", "favourite-sessions")) {
            check("GET", caller -> "/v1/users/" + scene.cast().plain() + "/" + relation, null,
                    "401 200 404 404 404 404 404 200");
        }
        check("GET", caller -> "/v1/users/" + scene.cast().plain() + "/nonsense", null, "404 404 404 404 404 404 404 404");
        done();
    }

    @Test
    void readsOfTheNewResources() {
        String event = "/v1/events/" + scene.event().identifier();
        check("GET", caller -> "/v1/feedbacks/" + scene.feedback(), null, "404 200 404 404 200 200 200 200");
        check("GET", caller -> "/v1/user-favourite-sessions/" + scene.favourite(), null,
                "404 200 404 404 404 404 404 404");
        check("GET", caller -> "/v1/speaker-invites/" + scene.invite(), null, "404 200 404 404 200 200 200 200");
        check("GET", caller -> "/v1/exhibitors/" + scene.pendingBooth(), null, "404 404 404 404 200 200 200 200");
        check("GET", caller -> "/v1/exhibitors/" + scene.booth() + "/sessions", null, "200 200 200 200 200 200 200 200");
        check("GET", caller -> "/v1/video-streams/" + scene.hallStream() + "/rooms", null,
                "200 200 200 200 200 200 200 200");
        check("GET", caller -> "/v1/sessions/" + scene.proposal(), null, "404 200 404 200 200 200 200 200");
        check("GET", caller -> "/v1/sessions/" + scene.proposal() + "/relationships/speaker-invites", null,
                "404 200 404 200 200 200 200 200");
        check("GET", caller -> "/v1/sessions/" + scene.keynote() + "/feedbacks", null, "200 200 200 200 200 200 200 200");
        for (String fact : List.of("/has-streams", "/sessions/dates", "/sessions/languages", "/video-stream")) {
            check("GET", caller -> event + fact, null, "200 200 200 200 200 200 200 200");
        }
        done();
    }

    @Test
    void writesOfVideoStreamsAndExhibitors() {
        long id = scene.event().id();
        check("POST", caller -> "/v1/video-streams", caller -> """
                {"data": {"type": "video-stream", "attributes": {"name": "%s", "url": "https://example.org/%s"},
                  "relationships": {"rooms": {"data": [%s]}}}}""".formatted(caller, caller,
                ref("microlocation", scene.hallB())), "401 403 403 403 201 201 201 201");
        check("PATCH", caller -> "/v1/video-streams/" + scene.mainStage(), caller -> """
                {"data": {"type": "video-stream", "id": "%s", "attributes": {"name": "Main stage"}}}"""
                .formatted(scene.mainStage()), "401 403 403 403 200 200 200 200");
        check("POST", caller -> "/v1/exhibitors", caller -> Programme.body("exhibitor", id,
                "\"name\": \"" + caller + "\""), "401 403 403 403 201 201 201 201");
        check("PATCH", caller -> "/v1/exhibitors/" + scene.pendingBooth(), caller -> """
                {"data": {"type": "exhibitor", "id": "%s", "attributes": {"position": 3}}}"""
                .formatted(scene.pendingBooth()), "401 404 404 404 200 200 200 200");
        check("DELETE", caller -> "/v1/exhibitors/" + Scene.create(scene.cast().ownerAuth(), "exhibitors",
                Programme.body("exhibitor", id, "\"name\": \"Gone\", \"status\": \"accepted\"")), null,
                "401 403 403 403 200 200 200 200");
        done();
    }

    @Test
    void writesOfFeedbackFavouritesAndInvitations() {
        check("POST", caller -> "/v1/feedbacks", caller -> "{\"data\": {\"type\": \"feedback\", \"attributes\": "
                + "{\"rating\": 3}, \"relationships\": {\"session\": " + one("session", scene.dataDay()) + "}}}",
                "401 201 201 201 201 201 201 201");
        check("POST", caller -> "/v1/feedbacks", caller -> "{\"data\": {\"type\": \"feedback\", \"attributes\": "
                + "{\"rating\": 3}, \"relationships\": {\"session\": " + one("session", scene.dataDay()) + "}}}",
                "401 409 409 409 409 409 409 409");
        check("POST", caller -> "/v1/feedbacks", caller -> "{\"data\": {\"type\": \"feedback\", \"attributes\": "
                + "{\"rating\": 5}, \"relationships\": {\"session\": " + one("session", scene.proposal()) + "}}}",
                "401 201 422 201 201 201 201 201");
        check("PATCH", caller -> "/v1/feedbacks/" + scene.feedback(), caller -> """
                {"data": {"type": "feedback", "id": "%s", "attributes": {"rating": 4.5}}}""".formatted(scene.feedback()),
                "401 200 404 404 403 403 403 403");
        check("POST", caller -> "/v1/user-favourite-sessions", caller -> "{\"data\": {\"type\": \"user-favourite-session\","
                + " \"relationships\": {\"session\": " + one("session", scene.dataDay()) + "}}}",
                "401 201 201 201 201 201 201 201");
        String favourite = Scene.create(scene.cast().plainAuth(), "user-favourite-sessions", "{\"data\": {\"type\": "
                + "\"user-favourite-session\", \"relationships\": {\"session\": " + one("session", scene.unscheduled())
                + "}}}");
        check("DELETE", caller -> "/v1/user-favourite-sessions/" + favourite, null, "401 200 404 404 404 404 404 404");
        check("POST", caller -> "/v1/speaker-invites", caller -> Scene.with(Programme.body("speaker-invite",
                        scene.event().id(), "\"email\": \"" + caller + "@example.org\""),
                "\"session\": " + one("session", scene.proposal())), "401 201 422 403 201 201 201 201");
        check("DELETE", caller -> "/v1/speaker-invites/" + Scene.create(scene.cast().plainAuth(), "speaker-invites",
                        Scene.with(Programme.body("speaker-invite", scene.event().id(), "\"email\": \"d-" + caller
                                + "@example.org\""), "\"session\": " + one("session", scene.proposal()))), null,
                "401 200 404 404 200 200 200 200");
        check("GET", caller -> "/v1/speaker-invites/" + scene.invite() + "/accept-invite", null,
                "401 403 404 404 403 403 403 403");
        done();
    }

    @Test
    void relationshipRoutesWriteWithTheResourcesRules() {
        check("PATCH", caller -> "/v1/sessions/" + scene.proposal() + "/relationships/track",
                caller -> "{\"data\": " + ref("track", scene.data()) + "}", "401 200 404 403 200 200 200 200");
        check("PATCH", caller -> "/v1/speakers/" + scene.plainSpeaker() + "/relationships/sessions",
                caller -> "{\"data\": [" + ref("session", scene.proposal()) + "]}", "401 200 403 403 200 200 200 200");
        check("PATCH", caller -> "/v1/exhibitors/" + scene.booth() + "/relationships/sessions",
                caller -> "{\"data\": [" + ref("session", scene.keynote()) + "]}", "401 403 403 403 200 200 200 200");
        check("PATCH", caller -> "/v1/microlocations/" + scene.hallA() + "/relationships/video-stream",
                caller -> "{\"data\": " + ref("video-stream", scene.hallStream()) + "}", "401 403 403 403 200 200 200 200");
        check("PATCH", caller -> "/v1/tracks/" + scene.web() + "/relationships/sessions",
                caller -> "{\"data\": [" + ref("session", scene.keynote()) + "]}", "401 403 403 200 200 200 200 200");
        check("PATCH", caller -> "/v1/session-types/" + scene.talk() + "/relationships/sessions",
                caller -> "{\"data\": [" + ref("session", scene.keynote()) + "]}", "401 403 403 403 200 200 200 200");
        check("PATCH", caller -> "/v1/sessions/" + scene.keynote() + "/relationships/feedbacks",
                caller -> "{\"data\": []}", "401 403 403 403 403 403 403 403");
        done();
    }

    /** Sends the request as every caller and records where the status differs from the expected one. */
    private void check(String method, Function<String, String> path, Function<String, String> body, String statuses) {
        String[] expected = statuses.split(" ");
        Map<String, String> auth = scene.callers();
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            String target = path.apply(caller);
            RequestSpecification request = given().contentType(Programme.JSONAPI);
            if (auth.get(caller) != null) {
                request.header("Authorization", auth.get(caller));
            }
            if (body != null) {
                request.body(body.apply(caller));
            }
            int status = request.request(method, target).then().extract().statusCode();
            if (status != Integer.parseInt(expected[i])) {
                mismatches.add(method + " " + target + " as " + caller + ": " + status + ", expected " + expected[i]);
            }
        }
    }

    private void done() {
        assertEquals(List.of(), mismatches);
    }
}
