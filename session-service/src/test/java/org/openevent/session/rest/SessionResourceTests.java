package org.openevent.session.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.delete;
import static org.openevent.session.rest.Programme.get;
import static org.openevent.session.rest.Programme.patch;
import static org.openevent.session.rest.Programme.patchBody;
import static org.openevent.session.rest.Programme.post;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.session.ServiceStandIns;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/** Sessions over HTTP: proposals, the state machine, visibility of non-public states, snapshots. */
@QuarkusTest
class SessionResourceTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String session(long eventId, String title, String state) {
        return body("session", eventId, """
                "title": "%s", "subtitle": "A subtitle", "short-abstract": "Short.", "long-abstract": "Long.",
                "language": "English", "level": "Beginner", "state": "%s",
                "starts-at": "2027-05-01T10:00:00+02:00", "ends-at": "2027-05-01T10:45:00+02:00\""""
                .formatted(title, state));
    }

    static String withRelationships(String body, String relationships) {
        return body.replace("\"relationships\": {", "\"relationships\": {" + relationships + ", ");
    }

    static String create(String auth, String body) {
        return post(auth, "/v1/sessions", body).statusCode(201)
                .header("Location", matchesPattern("/v1/sessions/\\d+"))
                .body("data.type", equalTo("session"))
                .extract().path("data.id");
    }

    @Test
    void organizersCreateSessionsWithTheirRelationships() throws Exception {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String track = post(cast.ownerAuth(), "/v1/tracks",
                body("track", event.id(), "\"name\": \"Web\", \"color\": \"#336699\"")).statusCode(201)
                .extract().path("data.id");
        String room = post(cast.ownerAuth(), "/v1/microlocations",
                body("microlocation", event.id(), "\"name\": \"Room 1\"")).statusCode(201).extract().path("data.id");
        String type = post(cast.ownerAuth(), "/v1/session-types",
                body("session-type", event.id(), "\"name\": \"Talk\", \"length\": \"00:45\"")).statusCode(201)
                .extract().path("data.id");
        String ada = post(cast.ownerAuth(), "/v1/speakers",
                body("speaker", event.id(), "\"name\": \"Ada\", \"email\": \"ada@example.org\"")).statusCode(201)
                .extract().path("data.id");
        String alan = post(cast.ownerAuth(), "/v1/speakers",
                body("speaker", event.id(), "\"name\": \"Alan\", \"email\": \"alan@example.org\"")).statusCode(201)
                .extract().path("data.id");
        String relationships = """
                "track": {"data": {"type": "track", "id": "%s"}},
                "microlocation": {"data": {"type": "microlocation", "id": "%s"}},
                "session-type": {"data": {"type": "session-type", "id": "%s"}},
                "speakers": {"data": [{"type": "speaker", "id": "%s"}, {"type": "speaker", "id": "%s"}]}"""
                .formatted(track, room, type, alan, ada);
        String id = post(cast.coorganizerAuth(), "/v1/sessions",
                withRelationships(session(event.id(), "Reactive Java", "accepted"), relationships))
                .statusCode(201)
                .body("data.attributes.title", equalTo("Reactive Java"))
                .body("data.attributes.state", equalTo("accepted"))
                .body("data.attributes.level", equalTo("Beginner"))
                .body("data.attributes.is-locked", equalTo(false))
                .body("data.attributes.starts-at", matchesPattern("2027-05-01T08:00:00(Z|\\+00:00)"))
                .body("data.relationships.speakers.links.related", matchesPattern("/v1/sessions/\\d+/speakers"))
                .body("data.relationships.session-type.links.self",
                        matchesPattern("/v1/sessions/\\d+/relationships/session-type"))
                .extract().path("data.id");

        get(null, "/v1/sessions/" + id + "?include=track,speakers,session-type,microlocation").statusCode(200)
                .body("data.relationships.track.data.id", equalTo(track))
                .body("data.relationships.microlocation.data.id", equalTo(room))
                .body("data.relationships.session-type.data.type", equalTo("session-type"))
                .body("data.relationships.speakers.data.id", containsInAnyOrder(ada, alan))
                .body("included.size()", equalTo(5))
                .body("included.findAll { it.type == 'speaker' }.attributes", everyItem(not(hasKey("email"))));
        get(null, "/v1/events/" + event.id() + "/sessions?include=speakers").statusCode(200)
                .body("meta.count", equalTo(1))
                .body("data[0].relationships.speakers.data.size()", equalTo(2));
        get(null, "/v1/sessions/" + id + "/speakers").statusCode(200).body("meta.count", equalTo(2));
        get(null, "/v1/sessions/" + id + "/track").statusCode(200).body("data.attributes.name", equalTo("Web"));
        // The creator lives in user-service (a stand-in here), fetched with one call for the whole document.
        get(null, "/v1/sessions/" + id + "?include=creator").statusCode(200)
                .body("data.relationships.creator.data.id", equalTo(String.valueOf(cast.coorganizer())))
                .body("included[0].type", equalTo("user"));
        ServiceStandIns.usersDown(true);
        try {
            get(null, "/v1/sessions/" + id + "?include=creator").statusCode(503)
                    .body("errors[0].detail", containsString("user-service"));
        } finally {
            ServiceStandIns.usersDown(false);
        }
        get(null, "/v1/sessions/" + id + "?include=nonsense").statusCode(400)
                .body("errors[0].source.parameter", equalTo("include"));

        // One speaker dropped, the track cleared: the links follow and a new snapshot says so.
        patch(cast.ownerAuth(), "/v1/sessions/" + id, """
                {"data": {"type": "session", "id": "%s", "attributes": {"subtitle": "Updated"},
                  "relationships": {"track": {"data": null}, "speakers": {"data": [{"type": "speaker", "id": "%s"}]}}}}"""
                .formatted(id, alan)).statusCode(200).body("data.attributes.subtitle", equalTo("Updated"));
        get(cast.ownerAuth(), "/v1/sessions/" + id + "?include=speakers,track").statusCode(200)
                .body("data.relationships.speakers.data.id", contains(alan))
                .body("data.relationships.track", hasKey("data"))
                .body("data.relationships.track.data", equalTo(null));
        // An empty to-one related route is a document with null data, as the frontend needs.
        get(null, "/v1/sessions/" + id + "/track").statusCode(200).body("$", hasKey("data"))
                .body("data", equalTo(null));

        ConsumerRecord<String, String> first = awaitSnapshot(id, event.id(), 1);
        JsonNode envelope = JSON.readTree(first.value());
        assertEquals("session.upserted", envelope.get("type").asText());
        assertEquals("session", envelope.get("aggregateType").asText());
        JsonNode payload = envelope.get("payload");
        assertEquals("Reactive Java", payload.get("title").asText());
        assertEquals("accepted", payload.get("state").asText());
        assertEquals(Long.parseLong(track), payload.get("trackId").asLong());
        // Listed Alan first; the snapshot, like every read of the links, has them in id order (Ada was created first).
        assertEquals(List.of(Long.parseLong(ada), Long.parseLong(alan)),
                JSON.convertValue(payload.get("speakerIds"), new TypeReference<List<Long>>() { }));
        JsonNode second = JSON.readTree(awaitSnapshot(id, event.id(), 2).value()).get("payload");
        assertEquals(1, second.get("speakerIds").size());
        assertEquals(Long.parseLong(alan), second.get("speakerIds").get(0).asLong());
        assertEquals(true, second.get("trackId").isNull());
    }

    private ConsumerRecord<String, String> awaitSnapshot(String id, long eventId, long version) {
        return KafkaProbe.await(bootstrap, Topics.SESSIONS, r -> {
            if (!r.key().equals(id) || !r.value().contains("\"session.upserted\"")) {
                return false;
            }
            try {
                JsonNode envelope = JSON.readTree(r.value());
                return envelope.get("payload").get("eventId").asLong() == eventId
                        && envelope.get("aggregateVersion").asLong() == version;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(30));
    }

    @Test
    void validationErrorsPointAtTheField() {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String auth = cast.ownerAuth();
        post(auth, "/v1/sessions", body("session", event.id(), "\"subtitle\": \"No title\"")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/title"))
                .body("errors[0].detail", equalTo("Missing data for required field."));
        post(auth, "/v1/sessions", body("session", event.id(), """
                "title": "Backwards", "starts-at": "2027-05-01T11:00:00Z", "ends-at": "2027-05-01T10:00:00Z\""""))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/attributes/ends-at"));
        post(auth, "/v1/sessions", session(event.id(), "Odd state", "launched")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/state"));
        post(auth, "/v1/sessions", "{\"data\": {\"type\": \"session\", \"attributes\": {\"title\": \"Orphan\"}}}")
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        post(auth, "/v1/sessions", session(Programme.largeId(), "Lost", "pending")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        post(auth, "/v1/sessions", withRelationships(session(event.id(), "Ghost track", "pending"),
                "\"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + Programme.largeId() + "\"}}"))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/track"));
        // All targets are checked in one statement; the error names the one that is missing, in declaration order.
        String track = post(auth, "/v1/tracks", CatalogResourceTests.track(event.id(), "Real", "#102030"))
                .statusCode(201).extract().path("data.id");
        String ghostSpeaker = "\"speakers\": {\"data\": [{\"type\": \"speaker\", \"id\": \"" + Programme.largeId() + "\"}]}";
        post(auth, "/v1/sessions", withRelationships(session(event.id(), "Ghost speaker", "pending"),
                "\"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + track + "\"}}, " + ghostSpeaker))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/speakers"))
                .body("errors[0].detail", equalTo("No such speaker in this event."));
        post(auth, "/v1/sessions", withRelationships(session(event.id(), "Ghosts", "pending"),
                "\"track\": {\"data\": {\"type\": \"track\", \"id\": \"" + Programme.largeId() + "\"}}, "
                        + ghostSpeaker))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/track"));
        String id = create(auth, session(event.id(), "Default state", "pending").replace("\"state\": \"pending\",", ""));
        get(auth, "/v1/sessions/" + id).statusCode(200).body("data.attributes.state", equalTo("draft"));
        patch(auth, "/v1/sessions/" + id, patchBody("session", id, "\"ends-at\": \"2027-05-01T07:00:00Z\""))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/attributes/ends-at"));
        patch(auth, "/v1/sessions/" + id, patchBody("session", id + "0", "\"title\": \"Other\"")).statusCode(400)
                .body("errors[0].source.pointer", equalTo("/data/id"));
        post(null, "/v1/sessions", session(event.id(), "Anonymous", "pending")).statusCode(401);
    }

    @Test
    void organizersAcceptProposalsAndProposersCannot() {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String id = create(cast.plainAuth(), session(event.id(), "My proposal", "pending"));
        String accept = patchBody("session", id, "\"state\": \"accepted\"");

        patch(null, "/v1/sessions/" + id, accept).statusCode(401);
        patch(cast.plainAuth(), "/v1/sessions/" + id, accept).statusCode(403)
                .body("errors[0].source.pointer", equalTo("/data/attributes/state"));
        // A pending proposal does not exist for strangers: the same 404 as for an unknown session.
        patch(cast.otherOrganizerAuth(), "/v1/sessions/" + id, accept).statusCode(404);
        patch(cast.plainAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"title\": \"Better title\""))
                .statusCode(200).body("data.attributes.state", equalTo("pending"));
        patch(cast.coorganizerAuth(), "/v1/sessions/" + id, accept).statusCode(200)
                .body("data.attributes.state", equalTo("accepted"))
                .body("data.attributes.title", equalTo("Better title"));
        patch(cast.coorganizerAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"state\": \"draft\""))
                .statusCode(403).body("errors[0].source.pointer", equalTo("/data/attributes/state"));
        // A proposer may only submit or withdraw, and cannot create accepted sessions either.
        post(cast.plainAuth(), "/v1/sessions", session(event.id(), "Self-accepted", "accepted")).statusCode(403)
                .body("errors[0].source.pointer", equalTo("/data/attributes/state"));
        patch(cast.ownerAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"is-locked\": true")).statusCode(200);
        patch(cast.plainAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"state\": \"withdrawn\""))
                .statusCode(403).body("errors[0].source.pointer", equalTo("/data/attributes/is-locked"));
        patch(cast.adminAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"is-locked\": false")).statusCode(200);
        patch(cast.plainAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"state\": \"withdrawn\""))
                .statusCode(200).body("data.attributes.state", equalTo("withdrawn"));
        delete(cast.otherOrganizerAuth(), "/v1/sessions/" + id).statusCode(404);
        delete(cast.plainAuth(), "/v1/sessions/" + id).statusCode(200)
                .body("meta.message", equalTo("Object successfully deleted"));
        get(cast.ownerAuth(), "/v1/sessions/" + id).statusCode(404);
    }

    @Test
    void strangersSeeOnlyTheAcceptedProgramme() {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String speaker = post(cast.plainAuth(), "/v1/speakers",
                body("speaker", event.id(), "\"name\": \"Linus\", \"email\": \"linus@example.org\"")).statusCode(201)
                .extract().path("data.id");
        String speakers = "\"speakers\": {\"data\": [{\"type\": \"speaker\", \"id\": \"" + speaker + "\"}]}";
        String pending = create(cast.plainAuth(), withRelationships(session(event.id(), "Pending", "pending"), speakers));
        String accepted = create(cast.ownerAuth(), withRelationships(session(event.id(), "Accepted", "accepted"), speakers));
        String confirmed = create(cast.ownerAuth(), session(event.id(), "Confirmed", "confirmed"));
        String draft = create(cast.ownerAuth(), session(event.id(), "Draft", "draft"));
        String rejected = create(cast.ownerAuth(), session(event.id(), "Rejected", "rejected"));
        String list = "/v1/events/" + event.id() + "/sessions";

        get(null, list + "?include=speakers").statusCode(200)
                .body("meta.count", equalTo(2))
                .body("data.id", containsInAnyOrder(accepted, confirmed))
                .body("included.size()", equalTo(1))
                .body("included[0].attributes", not(hasKey("email")));
        get(cast.otherOrganizerAuth(), list).statusCode(200).body("meta.count", equalTo(2));
        get(cast.plainAuth(), list).statusCode(200).body("data.id", containsInAnyOrder(pending, accepted, confirmed));
        get(cast.coorganizerAuth(), list).statusCode(200).body("meta.count", equalTo(5));
        get(cast.adminAuth(), list + "?page[size]=2&page[number]=3").statusCode(200)
                .body("meta.count", equalTo(5)).body("data.size()", equalTo(1));
        get(cast.adminAuth(), list + "?page[size]=0").statusCode(200).body("data.size()", equalTo(5));
        get(null, list + "?page[size]=-1").statusCode(400).body("errors[0].source.parameter", equalTo("page[size]"));

        get(null, "/v1/sessions/" + accepted).statusCode(200);
        get(null, "/v1/sessions/" + pending).statusCode(404);
        get(cast.otherOrganizerAuth(), "/v1/sessions/" + draft).statusCode(404);
        get(cast.otherOrganizerAuth(), "/v1/sessions/" + rejected).statusCode(404);
        get(cast.plainAuth(), "/v1/sessions/" + pending).statusCode(200);
        get(cast.coorganizerAuth(), "/v1/sessions/" + draft).statusCode(200);
        get(null, "/v1/events/" + event.id() + "/speakers").statusCode(200)
                .body("data[0].attributes", not(hasKey("email")));
    }

    @Test
    void draftEventsHideTheirSessions() {
        Cast cast = Cast.random();
        TestEvent draft = Programme.event(bootstrap, "draft", cast);
        post(cast.plainAuth(), "/v1/sessions", session(draft.id(), "Too early", "pending")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        String id = create(cast.coorganizerAuth(), session(draft.id(), "Keynote", "accepted"));
        get(null, "/v1/events/" + draft.identifier() + "/sessions").statusCode(404);
        get(cast.plainAuth(), "/v1/events/" + draft.id() + "/sessions").statusCode(404);
        get(null, "/v1/sessions/" + id).statusCode(404);
        get(cast.ownerAuth(), "/v1/events/" + draft.identifier() + "/sessions").statusCode(200)
                .body("data[0].id", equalTo(id));
    }

    @Test
    void stateMatrixIsPublished() {
        get(null, "/v1/sessions/states").statusCode(200)
                .body("organizer.pending.accepted", equalTo(true))
                .body("speaker.draft.pending", equalTo(true))
                .body("speaker.pending", not(hasKey("accepted")));
    }
}
