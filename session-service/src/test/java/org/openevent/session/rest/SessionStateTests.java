package org.openevent.session.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.session.rest.Programme.patch;
import static org.openevent.session.rest.Programme.patchBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.session.service.SessionRules;

/**
 * The contract's state machine per role, checked exhaustively: for every state and every target state, what an
 * organizer, a co-organizer, a track organizer and the session's speaker may do; and the snapshots an export needs
 * to cancel what was once public (withdrawn, rejected, deleted after being accepted).
 */
@QuarkusTest
class SessionStateTests {

    static final List<String> STATES = List.of("pending", "accepted", "confirmed", "rejected", "draft", "canceled",
            "withdrawn");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyTransitionFollowsTheCallersMatrix() {
        Scene scene = Scene.build(bootstrap);
        List<String> mismatches = new ArrayList<>();
        Map<String, String> reviewers = Map.of("organizer", scene.organizerAuth(), "coorganizer",
                scene.cast().coorganizerAuth(), "track-organizer", scene.trackOrganizerAuth(), "speaker",
                scene.cast().plainAuth());
        for (Map.Entry<String, String> role : reviewers.entrySet()) {
            for (String from : STATES) {
                for (String to : STATES) {
                    if (from.equals(to)) {
                        continue;
                    }
                    String id = proposalIn(scene, from);
                    int status = patch(role.getValue(), "/v1/sessions/" + id,
                            patchBody("session", id, "\"state\": \"" + to + "\"")).extract().statusCode();
                    boolean allowed = switch (role.getKey()) {
                        case "organizer", "coorganizer" -> SessionRules.ORGANIZER_TRANSITIONS.get(from).contains(to);
                        case "speaker" -> SessionRules.SPEAKER_TRANSITIONS.get(from).contains(to);
                        default -> false;
                    };
                    if (status != (allowed ? 200 : 403)) {
                        mismatches.add(role.getKey() + " " + from + " -> " + to + ": " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
        // The contract's organizer table: a draft is its proposer's until submitted; withdrawn may be reopened.
        assertEquals(List.of(), List.copyOf(SessionRules.ORGANIZER_TRANSITIONS.get("draft")));
        assertEquals(true, SessionRules.ORGANIZER_TRANSITIONS.get("withdrawn").contains("pending"));
    }

    @Test
    void snapshotsSayWhenAPublicSessionLeavesTheProgramme() throws Exception {
        Scene scene = Scene.build(bootstrap);
        String id = scene.keynote();
        patch(scene.cast().plainAuth(), "/v1/sessions/" + scene.proposal(),
                patchBody("session", scene.proposal(), "\"state\": \"withdrawn\"")).statusCode(200);
        patch(scene.organizerAuth(), "/v1/sessions/" + id, patchBody("session", id, "\"state\": \"rejected\""))
                .statusCode(200).body("data.attributes.state", equalTo("rejected"));
        Programme.delete(scene.organizerAuth(), "/v1/sessions/" + id).statusCode(200);
        JsonNode rejected = snapshot(scene, id, 2);
        assertEquals("rejected", rejected.get("state").asText());
        assertEquals(true, rejected.get("wasPublic").asBoolean());
        JsonNode deleted = snapshot(scene, id, 3);
        assertEquals(true, deleted.get("wasPublic").asBoolean());
        assertEquals(false, deleted.get("deletedAt").isNull());
        JsonNode withdrawn = snapshot(scene, scene.proposal(), 2);
        assertEquals("withdrawn", withdrawn.get("state").asText());
        assertEquals(false, withdrawn.get("wasPublic").asBoolean());
    }

    /** A session in the given state whose speaker is the plain user's, made by the admin (who may create any). */
    private static String proposalIn(Scene scene, String state) {
        return Scene.create(scene.cast().adminAuth(), "sessions", Scene.with(Programme.body("session",
                scene.event().id(), "\"title\": \"From " + state + "\", \"state\": \"" + state + "\""),
                "\"speakers\": {\"data\": [" + Scene.ref("speaker", scene.plainSpeaker()) + "]}"));
    }

    private JsonNode snapshot(Scene scene, String id, long version) throws Exception {
        return ScheduleFeatureTests.snapshot(bootstrap, scene, id, "session.upserted", version);
    }
}
