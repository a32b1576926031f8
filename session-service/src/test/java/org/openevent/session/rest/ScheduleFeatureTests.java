package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.openevent.session.rest.Programme.delete;
import static org.openevent.session.rest.Programme.get;
import static org.openevent.session.rest.Programme.patch;
import static org.openevent.session.rest.Programme.patchBody;
import static org.openevent.session.rest.Programme.post;
import static org.openevent.session.rest.Scene.one;
import static org.openevent.session.rest.Scene.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;
import org.openevent.session.ServiceStandIns;

/**
 * The schedule's features beyond plain CRUD: favourites and feedback with their counters and snapshots, the
 * speakers' e-mail rules without an oracle, speakers linking sessions, invitations answered by the invitee, video
 * streams and exhibitors.
 */
@QuarkusTest
class ScheduleFeatureTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void favouritesArePrivateCountedAndPublished() throws Exception {
        Scene scene = Scene.build(bootstrap);
        String session = "/v1/sessions/" + scene.dataDay();
        String star = "{\"data\": {\"type\": \"user-favourite-session\", \"relationships\": {\"session\": "
                + one("session", scene.dataDay()) + "}}}";
        String mine = post(scene.cast().ownerAuth(), "/v1/user-favourite-sessions", star).statusCode(201)
                .extract().path("data.id");
        post(scene.cast().ownerAuth(), "/v1/user-favourite-sessions", star).statusCode(409)
                .body("errors[0].source.pointer", equalTo("/data/relationships/session"));
        post(scene.cast().plainAuth(), "/v1/user-favourite-sessions", star).statusCode(201);
        get(null, session).statusCode(200).body("data.attributes.favourite-count", equalTo(2));
        get(scene.cast().ownerAuth(), session + "/favourites").statusCode(200).body("data.id", contains(mine));
        get(scene.cast().adminAuth(), "/v1/user-favourite-sessions/" + mine).statusCode(404);
        get(scene.cast().ownerAuth(), "/v1/user-favourite-sessions?include=session").statusCode(200)
                .body("data.id", contains(mine)).body("included[0].id", equalTo(scene.dataDay()));
        // Nobody stars what they cannot see, and cannot tell it from what does not exist.
        String hidden = "{\"data\": {\"type\": \"user-favourite-session\", \"relationships\": {\"session\": "
                + one("session", scene.proposal()) + "}}}";
        String missing = hidden.replace(scene.proposal(), String.valueOf(Programme.largeId()));
        String answerHidden = post(scene.cast().otherOrganizerAuth(), "/v1/user-favourite-sessions", hidden)
                .statusCode(422).extract().asString();
        String answerMissing = post(scene.cast().otherOrganizerAuth(), "/v1/user-favourite-sessions", missing)
                .statusCode(422).extract().asString();
        assertEquals(answerMissing, answerHidden);
        delete(scene.cast().ownerAuth(), "/v1/user-favourite-sessions/" + mine).statusCode(200);
        get(null, session).statusCode(200).body("data.attributes.favourite-count", equalTo(1));

        JsonNode created = favourite(scene, mine, 1);
        assertEquals(scene.cast().owner(), created.get("userId").asLong());
        assertEquals(Long.parseLong(scene.dataDay()), created.get("sessionId").asLong());
        assertEquals(true, created.get("deletedAt").isNull());
        assertFalse(created.has("scheduleVersion"), "a favourite is not a schedule change");
        assertFalse(favourite(scene, mine, 2).get("deletedAt").isNull());
    }

    @Test
    void racingStarsMakeOneFavouriteAndConflictsNeverServerErrors() throws Exception {
        Scene scene = Scene.build(bootstrap);
        String star = "{\"data\": {\"type\": \"user-favourite-session\", \"relationships\": {\"session\": "
                + one("session", scene.unscheduled()) + "}}}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> post(scene.cast().adminAuth(), "/v1/user-favourite-sessions", star)
                        .extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        get(null, "/v1/sessions/" + scene.unscheduled()).statusCode(200).body("data.attributes.favourite-count", equalTo(1));
    }

    @Test
    void feedbackIsOncePerUserAndKeepsTheRating() {
        Scene scene = Scene.build(bootstrap);
        String session = "/v1/sessions/" + scene.keynote();
        String body = "{\"data\": {\"type\": \"feedback\", \"attributes\": {\"rating\": %s, \"comment\": \"ok\"},"
                + " \"relationships\": {\"session\": " + one("session", scene.keynote()) + "}}}";
        String owners = post(scene.cast().ownerAuth(), "/v1/feedbacks", body.formatted("2.2")).statusCode(201)
                .body("data.attributes.rating", equalTo(2.0f))
                .body("data.relationships", hasKey("event")).extract().path("data.id");
        get(null, session).statusCode(200).body("data.attributes.rating-count", equalTo(2))
                .body("data.attributes.average-rating", equalTo(3.0f));
        post(scene.cast().ownerAuth(), "/v1/feedbacks", body.formatted("9")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/rating"));
        post(null, "/v1/feedbacks", body.formatted("3")).statusCode(401);
        patch(scene.cast().ownerAuth(), "/v1/feedbacks/" + owners, patchBody("feedback", owners, "\"rating\": 5"))
                .statusCode(200);
        get(null, session).statusCode(200).body("data.attributes.average-rating", equalTo(4.5f));
        // Comments are for their author and the event's team.
        get(scene.cast().otherOrganizerAuth(), session + "/feedbacks").statusCode(200).body("meta.count", equalTo(0));
        get(scene.cast().plainAuth(), session + "/feedbacks").statusCode(200).body("data.id", contains(scene.feedback()));
        get(scene.cast().coorganizerAuth(), session + "/feedbacks").statusCode(200).body("meta.count", equalTo(2));
        delete(scene.cast().plainAuth(), "/v1/feedbacks/" + scene.feedback()).statusCode(200);
        get(null, session).statusCode(200).body("data.attributes.rating-count", equalTo(1))
                .body("data.attributes.average-rating", equalTo(5.0f));
        // Deleted, the user may rate again.
        post(scene.cast().plainAuth(), "/v1/feedbacks", body.formatted("1")).statusCode(201);
    }

    @Test
    void speakerAddressesFollowTheContractWithoutAnOracle() {
        Scene scene = Scene.build(bootstrap);
        long id = scene.event().id();
        // Ada's address is known here (the owner created her); a stranger submitting it gets their own instead.
        String stranger = post(scene.cast().otherOrganizerAuth(), "/v1/speakers", Programme.body("speaker", id,
                "\"name\": \"Not Ada\", \"email\": \"ada@example.org\"")).statusCode(201)
                .body("data.attributes.email", equalTo(Programme.email(scene.cast().otherOrganizer())))
                .extract().path("data.id");
        post(scene.cast().otherOrganizerAuth(), "/v1/speakers", Programme.body("speaker", id,
                "\"name\": \"Again\", \"email\": \"nobody@example.org\"")).statusCode(409)
                .body("errors[0].source.pointer", equalTo("/data/attributes/email"));
        patch(scene.cast().otherOrganizerAuth(), "/v1/speakers/" + stranger, patchBody("speaker", stranger,
                "\"email\": \"ada@example.org\", \"is-email-overridden\": false")).statusCode(200)
                .body("data.attributes.email", equalTo(Programme.email(scene.cast().otherOrganizer())));
        patch(scene.cast().otherOrganizerAuth(), "/v1/speakers/" + stranger, patchBody("speaker", stranger,
                "\"is-email-overridden\": true")).statusCode(403)
                .body("errors[0].source.pointer", equalTo("/data/attributes/is-email-overridden"));
        // Organizers set any address, or override it (then it is empty).
        String guest = post(scene.cast().coorganizerAuth(), "/v1/speakers", Programme.body("speaker", id,
                "\"name\": \"Guest\", \"email\": \"guest@example.org\", \"is-email-overridden\": true")).statusCode(201)
                .body("data.attributes.email", nullValue()).extract().path("data.id");
        patch(scene.cast().coorganizerAuth(), "/v1/speakers/" + guest, patchBody("speaker", guest,
                "\"email\": \"late@example.org\"")).statusCode(200).body("data.attributes.email", nullValue());
        post(scene.cast().coorganizerAuth(), "/v1/speakers", Programme.body("speaker", id,
                "\"name\": \"Dup\", \"email\": \"ADA@example.org\"")).statusCode(409);
        // Without user-service the rule cannot be applied: no guess, a 503 and nothing written.
        ServiceStandIns.usersDown(true);
        try {
            post(scene.cast().plainAuth(), "/v1/speakers", Programme.body("speaker", id, "\"name\": \"Later\""))
                    .statusCode(503);
        } finally {
            ServiceStandIns.usersDown(false);
        }
        get(scene.cast().plainAuth(), "/v1/users/" + scene.cast().plain() + "/speakers").statusCode(200)
                .body("meta.count", equalTo(1));
    }

    @Test
    void speakersLinkOnlyTheirOwnSessionsAndRepublishThem() throws Exception {
        Scene scene = Scene.build(bootstrap);
        String speakers = "/v1/speakers/" + scene.plainSpeaker();
        String mine = Scene.create(scene.cast().plainAuth(), "sessions", Programme.body("session", scene.event().id(),
                "\"title\": \"Second proposal\", \"state\": \"draft\""));
        String link = "{\"data\": {\"type\": \"speaker\", \"id\": \"" + scene.plainSpeaker()
                + "\", \"relationships\": {\"sessions\": {\"data\": [%s]}}}}";
        // Someone else's session is as unknown as a missing one.
        patch(scene.cast().plainAuth(), speakers, link.formatted(ref("session", scene.keynote()))).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/sessions"))
                .body("errors[0].detail", equalTo("No such session in this event."));
        patch(scene.cast().plainAuth(), speakers, link.formatted(ref("session", String.valueOf(Programme.largeId()))))
                .statusCode(422).body("errors[0].detail", equalTo("No such session in this event."));
        patch(scene.cast().plainAuth(), speakers, link.formatted(ref("session", scene.proposal()) + ", "
                + ref("session", mine))).statusCode(200);
        get(scene.cast().plainAuth(), speakers + "/sessions").statusCode(200)
                .body("data.id", containsInAnyOrder(scene.proposal(), mine));
        JsonNode republished = session(scene, mine, 2);
        assertEquals(List.of(Long.parseLong(scene.plainSpeaker())), JSON.convertValue(republished.get("speakerIds"),
                JSON.getTypeFactory().constructCollectionType(List.class, Long.class)));
        // Organizers link any session of the event; a new speaker may come with its sessions (as Dredd posts it).
        post(scene.cast().ownerAuth(), "/v1/speakers", Scene.with(Programme.body("speaker", scene.event().id(),
                "\"name\": \"Linked\""), "\"sessions\": {\"data\": [" + ref("session", scene.keynote()) + "]}"))
                .statusCode(201);
        get(null, "/v1/sessions/" + scene.keynote() + "/speakers").statusCode(200).body("meta.count", equalTo(2));
        assertEquals(2, session(scene, scene.keynote(), 2).get("speakerIds").size());
    }

    @Test
    void invitationsAreAnsweredByTheirInvitee() throws Exception {
        Scene scene = Scene.build(bootstrap);
        long friend = Programme.largeId();
        ServiceStandIns.user(friend, Scene.FRIEND, true);
        String auth = "JWT " + TestTokens.user(friend);
        String events = "/v1/events/" + scene.event().identifier();
        // The invitee sees the invitation and, through it, the pending session; others see neither.
        get(auth, "/v1/speaker-invites/" + scene.invite() + "?include=session,event").statusCode(200)
                .body("included.find { it.type == 'session' }.attributes.title", equalTo("Proposal"));
        get(auth, "/v1/speaker-invites/" + scene.invite() + "/session?include=session-type,speakers,track,event,"
                + "speaker-invites").statusCode(200).body("data.id", equalTo(scene.proposal()));
        given().header("Authorization", auth).queryParam("filter", "[{\"and\":[{\"name\":\"email\",\"op\":\"eq\","
                        + "\"val\":\"" + Scene.FRIEND + "\"},{\"name\":\"status\",\"op\":\"eq\",\"val\":\"pending\"}]}]")
                .queryParam("include", "event,session").get(events + "/speaker-invites").then()
                .statusCode(200).body("data.id", contains(scene.invite()));
        get(auth, "/v1/sessions/" + scene.proposal()).statusCode(404);
        get(scene.cast().otherOrganizerAuth(), "/v1/speaker-invites/" + scene.invite()).statusCode(404);
        // Accepting needs the invitee's speaker profile in the event.
        get(auth, "/v1/speaker-invites/" + scene.invite() + "/accept-invite").statusCode(404);
        String profile = Scene.create(auth, "speakers", Programme.body("speaker", scene.event().id(),
                "\"name\": \"Friend\""));
        get(auth, "/v1/speaker-invites/" + scene.invite() + "/accept-invite").statusCode(200)
                .contentType("application/json")
                .body("session.toString()", equalTo(scene.proposal()))
                .body("speaker.toString()", equalTo(profile));
        get(auth, "/v1/speaker-invites/" + scene.invite() + "/accept-invite").statusCode(409);
        get(auth, "/v1/speaker-invites/" + scene.invite() + "/reject-invite").statusCode(409);
        // Now a speaker of the session, the invitee sees and may edit it; the snapshot names both speakers.
        get(auth, "/v1/sessions/" + scene.proposal()).statusCode(200);
        patch(auth, "/v1/sessions/" + scene.proposal(), patchBody("session", scene.proposal(),
                "\"subtitle\": \"Co-presented\"")).statusCode(200);
        assertEquals(2, session(scene, scene.proposal(), 2).get("speakerIds").size());
        delete(scene.cast().plainAuth(), "/v1/speaker-invites/" + scene.invite()).statusCode(409);
        // A second invitation is rejected; an unverified invitee cannot accept.
        String second = Scene.create(scene.cast().ownerAuth(), "speaker-invites", Scene.with(Programme.body(
                "speaker-invite", scene.event().id(), "\"email\": \"Second@Example.org\""),
                "\"session\": " + one("session", scene.keynote())));
        get(scene.cast().ownerAuth(), "/v1/speaker-invites/" + second).statusCode(200)
                .body("data.attributes.email", equalTo("second@example.org"))
                .body("data.attributes.status", equalTo("pending"));
        long unverified = Programme.largeId();
        ServiceStandIns.user(unverified, "second@example.org", false);
        String secondAuth = "JWT " + TestTokens.user(unverified);
        get(secondAuth, "/v1/speaker-invites/" + second + "/accept-invite").statusCode(403);
        get(secondAuth, "/v1/speaker-invites/" + second + "/reject-invite").statusCode(200)
                .body("success", equalTo(true));
        get(scene.cast().ownerAuth(), "/v1/speaker-invites/" + second).statusCode(200)
                .body("data.attributes.status", equalTo("rejected"));
        KafkaProbe.await(bootstrap, Topics.MAILS, record -> record.value().contains("\"speaker-invite\"")
                && record.value().contains("second@example.org"), Duration.ofSeconds(30));
    }

    @Test
    void videoStreamsShowTheirAddressOnlyToTheTeam() {
        Scene scene = Scene.build(bootstrap);
        String stream = "/v1/video-streams/" + scene.hallStream();
        get(null, stream).statusCode(200).body("data.attributes.name", equalTo("Hall stream"))
                .body("data.attributes", not(hasKey("url"))).body("data.attributes", not(hasKey("password")));
        get(scene.trackOrganizerAuth(), stream).statusCode(200)
                .body("data.attributes.url", equalTo("https://stream.example.org/hall"))
                .body("data.attributes", not(hasKey("password")));
        get(scene.cast().coorganizerAuth(), stream).statusCode(200).body("data.attributes.password", equalTo("s3cret"))
                .body("data.relationships.event.links.related", equalTo(stream + "/event"));
        get(null, stream + "/rooms").statusCode(200).body("data.id", contains(scene.hallA()));
        get(null, "/v1/events/" + scene.event().id() + "/video-stream").statusCode(200)
                .body("data.attributes.name", equalTo("Main stage"));
        post(scene.cast().ownerAuth(), "/v1/video-streams", Programme.body("video-stream", scene.event().id(),
                "\"name\": \"Second\", \"url\": \"https://example.org/2\"")).statusCode(409);
        // Moving Hall A to the main stage's stream, then deleting it: the room streams nothing.
        patch(scene.cast().ownerAuth(), "/v1/video-streams/" + scene.mainStage() + "/relationships/rooms",
                "{\"data\": [" + ref("microlocation", scene.hallA()) + "]}").statusCode(200);
        get(null, stream + "/rooms").statusCode(200).body("meta.count", equalTo(0));
        delete(scene.cast().ownerAuth(), "/v1/video-streams/" + scene.mainStage()).statusCode(200);
        get(null, "/v1/microlocations/" + scene.hallA() + "/video-stream").statusCode(200).body("data", nullValue());
        get(null, "/v1/events/" + scene.event().id() + "/video-stream").statusCode(200).body("data", nullValue());
        get(null, "/v1/events/" + scene.event().id() + "/has-streams").statusCode(200).body("exists", equalTo(true));
        delete(scene.cast().ownerAuth(), stream).statusCode(200);
        get(null, "/v1/events/" + scene.event().id() + "/has-streams").statusCode(200).body("exists", equalTo(false));
        get(null, "/v1/events/" + Programme.largeId() + "/has-streams").statusCode(404);
    }

    @Test
    void exhibitorsArePublicOnceAccepted() {
        Scene scene = Scene.build(bootstrap);
        String list = "/v1/events/" + scene.event().identifier() + "/exhibitors";
        get(null, list).statusCode(200).body("data.attributes.name", contains("Booth"));
        String pending = "[{\"name\":\"status\",\"op\":\"eq\",\"val\":\"pending\"}]";
        given().header("Authorization", scene.cast().coorganizerAuth()).queryParam("filter", pending).get(list).then()
                .statusCode(200).body("data.attributes.name", contains("Maybe booth"));
        given().queryParam("filter", pending).get(list).then().statusCode(200).body("meta.count", equalTo(0));
        get(null, "/v1/sessions/" + scene.keynote() + "/exhibitors").statusCode(200).body("data.id", contains(scene.booth()));
        patch(scene.cast().ownerAuth(), "/v1/exhibitors/" + scene.pendingBooth(), patchBody("exhibitor",
                scene.pendingBooth(), "\"status\": \"accepted\", \"social-links\": [{\"name\": \"site\", \"link\": "
                        + "\"https://example.org\", \"is_custom\": true}]")).statusCode(200);
        get(null, list + "?sort=position").statusCode(200).body("data.attributes.name", contains("Maybe booth", "Booth"));
        patch(scene.cast().ownerAuth(), "/v1/exhibitors/" + scene.booth(), patchBody("exhibitor", scene.booth(),
                "\"status\": \"open\", \"social-links\": {\"a\": 1}")).statusCode(422);
    }

    @Test
    void tracksRoomsAndTypesPlaceSessionsFromTheirSide() throws Exception {
        Scene scene = Scene.build(bootstrap);
        String dataTrack = "/v1/tracks/" + scene.data() + "/relationships/sessions";
        patch(scene.trackOrganizerAuth(), dataTrack, "{\"data\": [" + ref("session", scene.keynote()) + ", "
                + ref("session", scene.proposal()) + "]}").statusCode(200)
                .body("data.id", containsInAnyOrder(scene.keynote(), scene.proposal()));
        // Data day left the track, Keynote and the proposal moved in; each got a snapshot saying so.
        get(null, "/v1/sessions/" + scene.dataDay() + "/track").statusCode(200).body("data", nullValue());
        assertEquals(true, session(scene, scene.dataDay(), 2).get("trackId").isNull());
        assertEquals(Long.parseLong(scene.data()), session(scene, scene.keynote(), 2).get("trackId").asLong());
        post(scene.cast().ownerAuth(), "/v1/microlocations/" + scene.hallB() + "/relationships/sessions",
                "{\"data\": [" + ref("session", scene.unscheduled()) + "]}").statusCode(200)
                .body("data.id", containsInAnyOrder(scene.dataDay(), scene.unscheduled()));
        given().header("Authorization", scene.cast().ownerAuth()).contentType(Programme.JSONAPI)
                .body("{\"data\": [" + ref("session", scene.keynote()) + "]}")
                .delete("/v1/session-types/" + scene.talk() + "/relationships/sessions").then().statusCode(200)
                .body("data.id", contains(scene.dataDay()));
        patch(scene.cast().ownerAuth(), dataTrack, "{\"data\": [" + ref("session",
                String.valueOf(Programme.largeId())) + "]}").statusCode(422);
    }

    @Test
    void stateMailsGoToTheSpeakersAndTheOwner() {
        Scene scene = Scene.build(bootstrap);
        get(null, "/v1/sessions/mails").statusCode(200).contentType("application/json")
                .body("recipient", equalTo("Speaker")).body("accepted.subject", containsString("{session_name}"));
        String notify = "/v1/sessions/" + scene.keynote() + "/notify";
        given().contentType("application/json").body("{}").post(notify).then().statusCode(401);
        given().header("Authorization", scene.cast().plainAuth()).contentType("application/json").body("{}")
                .post(notify).then().statusCode(403);
        given().header("Authorization", scene.cast().otherOrganizerAuth()).contentType("application/json").body("{}")
                .post("/v1/sessions/" + scene.proposal() + "/notify").then().statusCode(404);
        given().header("Authorization", scene.cast().ownerAuth()).contentType("application/json")
                .body("{\"bcc\": [\"not an address\"]}").post(notify).then().statusCode(422);
        given().header("Authorization", scene.cast().ownerAuth()).contentType("application/json")
                .body("{\"bcc\": [\"chair@example.org\"]}").post(notify).then().statusCode(200)
                .body("success", equalTo(true));
        get(scene.cast().ownerAuth(), "/v1/sessions/" + scene.keynote()).statusCode(200)
                .body("data.attributes.is-mail-sent", equalTo(true));
        for (String to : List.of("ada@example.org", Programme.email(scene.cast().owner()), "chair@example.org")) {
            KafkaProbe.await(bootstrap, Topics.MAILS, record -> record.value().contains("\"session-state\"")
                    && record.value().contains(to) && record.value().contains("Keynote"), Duration.ofSeconds(30));
        }
    }

    private JsonNode session(Scene scene, String id, long version) throws Exception {
        return snapshot(bootstrap, scene, id, "session.upserted", version);
    }

    private JsonNode favourite(Scene scene, String id, long version) throws Exception {
        return snapshot(bootstrap, scene, id, "user-favourite-session.upserted", version);
    }

    /** The payload of the aggregate's snapshot of that version, of this scene's event (topics outlive test runs). */
    static JsonNode snapshot(String bootstrap, Scene scene, String id, String type, long version) throws Exception {
        return JSON.readTree(KafkaProbe.await(bootstrap, Topics.SESSIONS, record -> {
            if (!record.key().equals(id) || !record.value().contains("\"" + type + "\"")) {
                return false;
            }
            try {
                JsonNode envelope = JSON.readTree(record.value());
                return envelope.get("aggregateVersion").asLong() == version
                        && envelope.get("payload").get("eventId").asLong() == scene.event().id();
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(30)).value()).get("payload");
    }
}
