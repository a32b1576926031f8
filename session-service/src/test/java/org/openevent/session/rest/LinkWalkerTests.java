package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every link our documents advertise leads somewhere: starting from the schedule's documents, the walker follows
 * every {@code links.self} and {@code links.related} of resources and relationships (breadth first, each once),
 * for the event's owner, a plain user and an anonymous caller, and expects 200 with the document shape the link
 * promises (a to-one related route: one resource or {@code null}; a to-many: a list with {@code meta.count}).
 */
@QuarkusTest
class LinkWalkerTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> COLLECTIONS = List.of("sessions", "speakers", "tracks", "microlocations", "session-types",
            "video-streams", "exhibitors", "feedbacks", "user-favourite-sessions", "speaker-invites");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyAdvertisedLinkAnswers() throws Exception {
        Scene scene = Scene.build(bootstrap);
        for (Map.Entry<String, String> caller : Map.of("owner", scene.cast().ownerAuth(), "user",
                scene.cast().plainAuth(), "anonymous", "").entrySet()) {
            String auth = caller.getValue().isEmpty() ? null : caller.getValue();
            Deque<String> queue = new ArrayDeque<>();
            for (String collection : COLLECTIONS) {
                queue.add("/v1/events/" + scene.event().id() + "/" + collection + "?page[size]=0");
            }
            queue.add("/v1/events/" + scene.event().identifier() + "/video-stream");
            queue.add("/v1/users/" + scene.cast().plain() + "/sessions");
            Set<String> seen = new LinkedHashSet<>(queue);
            List<String> problems = new ArrayList<>();
            int followed = 0;
            while (!queue.isEmpty()) {
                String link = queue.poll();
                Response response = request(auth).get(link);
                followed++;
                boolean userList = link.startsWith("/v1/users/") && !"user".equals(caller.getKey());
                if (response.statusCode() != 200 && !userList) {
                    problems.add(caller.getKey() + " " + link + " -> " + response.statusCode());
                    continue;
                }
                if (response.statusCode() != 200) {
                    continue;
                }
                JsonNode document = JSON.readTree(response.asByteArray());
                checkShape(link, document, problems);
                for (String next : links(document)) {
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
            assertEquals(List.of(), problems, "links that do not answer for " + caller.getKey());
            assertTrue(followed > 100, "the walk covered " + followed + " links for " + caller.getKey());
        }
    }

    @Test
    void remoteAndEmptyToOneRoutesAnswerAsTheFrontendNeeds() {
        Scene scene = Scene.build(bootstrap);
        Programme.get(null, "/v1/sessions/" + scene.keynote() + "/event").statusCode(200)
                .body("data.type", org.hamcrest.Matchers.equalTo("event"))
                .body("data.id", org.hamcrest.Matchers.equalTo(String.valueOf(scene.event().id())));
        Programme.get(null, "/v1/sessions/" + scene.unscheduled() + "/track").statusCode(200)
                .body("data", org.hamcrest.Matchers.nullValue());
        Programme.get(null, "/v1/sessions/" + scene.unscheduled() + "/relationships/track").statusCode(200)
                .body("data", org.hamcrest.Matchers.nullValue())
                .body("links.related", org.hamcrest.Matchers.equalTo("/v1/sessions/" + scene.unscheduled() + "/track"));
        Programme.get(null, "/v1/speakers/" + scene.ada() + "/user").statusCode(200)
                .body("data.type", org.hamcrest.Matchers.equalTo("user"))
                .body("data.id", org.hamcrest.Matchers.equalTo(String.valueOf(scene.cast().owner())));
        Programme.get(null, "/v1/tracks/" + scene.web() + "/sessions").statusCode(200)
                .body("meta.count", org.hamcrest.Matchers.equalTo(1));
        Programme.get(scene.cast().plainAuth(), "/v1/tracks/" + scene.web() + "/sessions").statusCode(200)
                .body("meta.count", org.hamcrest.Matchers.equalTo(2));
        Programme.get(null, "/v1/microlocations/" + scene.hallA() + "/video-stream").statusCode(200)
                .body("data.attributes.name", org.hamcrest.Matchers.equalTo("Hall stream"));
        Programme.get(null, "/v1/sessions/" + scene.keynote() + "/favourite").statusCode(200)
                .body("data", org.hamcrest.Matchers.nullValue());
        Programme.get(scene.cast().plainAuth(), "/v1/sessions/" + scene.keynote() + "/favourite").statusCode(200)
                .body("data.id", org.hamcrest.Matchers.equalTo(scene.favourite()));
    }

    /** A related link of a to-one relationship answers one resource or null; of a to-many, a counted list. */
    private static void checkShape(String link, JsonNode document, List<String> problems) {
        if (!document.has("data")) {
            problems.add(link + " has no data member");
        } else if (document.get("data").isArray() && link.contains("/relationships/")) {
            document.get("data").forEach(identifier -> {
                if (!identifier.has("type") || !identifier.has("id")) {
                    problems.add(link + " has linkage without type or id");
                }
            });
        } else if (document.get("data").isArray() && !document.path("meta").has("count")) {
            problems.add(link + " lists without meta.count");
        }
    }

    /** Every self and related link of the primary and included resources and their relationships. */
    private static Set<String> links(JsonNode document) {
        Set<String> links = new LinkedHashSet<>();
        List<JsonNode> resources = new ArrayList<>();
        JsonNode data = document.path("data");
        if (data.isArray()) {
            data.forEach(resources::add);
        } else if (data.isObject()) {
            resources.add(data);
        }
        document.path("included").forEach(resources::add);
        for (JsonNode resource : resources) {
            if (!resource.has("attributes") && !resource.has("relationships")) {
                continue;
            }
            String type = resource.path("type").asText();
            if (type.equals("event") || type.equals("user")) {
                // Another service's documents (a stand-in here); their links are that service's to keep.
                continue;
            }
            links.add(resource.path("links").path("self").asText());
            resource.path("relationships").forEach(relationship -> {
                links.add(relationship.path("links").path("self").asText());
                links.add(relationship.path("links").path("related").asText());
            });
        }
        links.remove("");
        return links;
    }

    private static io.restassured.specification.RequestSpecification request(String auth) {
        var request = given();
        return auth == null ? request : request.header("Authorization", auth);
    }
}
