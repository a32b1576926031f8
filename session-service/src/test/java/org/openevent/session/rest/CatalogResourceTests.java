package org.openevent.session.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.delete;
import static org.openevent.session.rest.Programme.get;
import static org.openevent.session.rest.Programme.patch;
import static org.openevent.session.rest.Programme.patchBody;
import static org.openevent.session.rest.Programme.post;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/** Tracks, rooms and session types over HTTP: validation, who may write, who may read. */
@QuarkusTest
class CatalogResourceTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private TestEvent published() {
        Cast cast = Cast.random();
        // The other organizer owns an event of their own, which must not help them here.
        Programme.event(bootstrap, "published", new Cast(cast.otherOrganizer(), Programme.largeId(), 0, 0, cast.admin()));
        return Programme.event(bootstrap, "published", cast);
    }

    static String track(long eventId, String name, String color) {
        return body("track", eventId, "\"name\": \"%s\", \"color\": \"%s\", \"description\": \"About %s\""
                .formatted(name, color, name));
    }

    @Test
    void trackIsCreatedReadAndListed() {
        TestEvent event = published();
        String id = post(event.cast().coorganizerAuth(), "/v1/tracks", track(event.id(), "Cloud", "#FFEE00"))
                .statusCode(201)
                .header("Location", matchesPattern("/v1/tracks/\\d+"))
                .body("data.type", equalTo("track"))
                .body("data.attributes.name", equalTo("Cloud"))
                .body("data.attributes.color", equalTo("#ffee00"))
                .body("data.attributes.font-color", equalTo("#000000"))
                .body("data.relationships.event.links.related", matchesPattern("/v1/tracks/\\d+/event"))
                .body("jsonapi.version", equalTo("1.0"))
                .extract().path("data.id");
        get(null, "/v1/tracks/" + id).statusCode(200).body("data.attributes.description", equalTo("About Cloud"));
        get(null, "/v1/events/" + event.id() + "/tracks").statusCode(200)
                .body("meta.count", equalTo(1))
                .body("data[0].id", equalTo(id));
        get(null, "/v1/events/" + event.identifier() + "/tracks").statusCode(200).body("data[0].id", equalTo(id));
        post(event.cast().ownerAuth(), "/v1/tracks", track(event.id(), "Dark", "#123")).statusCode(201)
                .body("data.attributes.color", equalTo("#112233"))
                .body("data.attributes.font-color", equalTo("#ffffff"));
    }

    @Test
    void trackValidationPointsAtTheAttribute() {
        TestEvent event = published();
        String auth = event.cast().ownerAuth();
        post(auth, "/v1/tracks", body("track", event.id(), "\"name\": \"No colour\"")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/color"));
        post(auth, "/v1/tracks", track(event.id(), "Bad colour", "red")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/color"))
                .body("errors[0].detail", equalTo("Color should be proper HEX color code"));
        post(auth, "/v1/tracks", body("track", event.id(), "\"color\": \"#000000\"")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/name"));
        post(auth, "/v1/tracks", "{\"data\": {\"type\": \"track\", \"attributes\": {\"name\": \"x\", \"color\": \"#000000\"}}}")
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        post(auth, "/v1/tracks", track(Programme.largeId(), "Nowhere", "#000000")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        post(auth, "/v1/tracks", track(event.id(), "x", "#000000").replace("\"track\"", "\"speaker\"")).statusCode(409);
        get(null, "/v1/events/" + Programme.largeId() + "/tracks").statusCode(404)
                .body("errors[0].source.parameter", equalTo("event_id"));
        get(null, "/v1/events/abcdef12/tracks").statusCode(404)
                .body("errors[0].source.parameter", equalTo("event_identifier"));
        get(null, "/v1/tracks/not-a-number").statusCode(404);
    }

    @Test
    void onlyManagersWriteTracks() {
        TestEvent event = published();
        Cast cast = event.cast();
        String body = track(event.id(), "Matrix", "#00ff00");
        post(null, "/v1/tracks", body).statusCode(401);
        post(cast.plainAuth(), "/v1/tracks", body).statusCode(403);
        post(cast.otherOrganizerAuth(), "/v1/tracks", body).statusCode(403);
        post(cast.coorganizerAuth(), "/v1/tracks", body).statusCode(201);
        post(cast.adminAuth(), "/v1/tracks", body).statusCode(201);
        String id = post(cast.ownerAuth(), "/v1/tracks", body).statusCode(201).extract().path("data.id");

        String rename = patchBody("track", id, "\"name\": \"Renamed\"");
        patch(null, "/v1/tracks/" + id, rename).statusCode(401);
        patch(cast.plainAuth(), "/v1/tracks/" + id, rename).statusCode(403);
        patch(cast.otherOrganizerAuth(), "/v1/tracks/" + id, rename).statusCode(403);
        patch(cast.coorganizerAuth(), "/v1/tracks/" + id, rename).statusCode(200)
                .body("data.attributes.name", equalTo("Renamed"))
                .body("data.attributes.color", equalTo("#00ff00"));
        patch(cast.adminAuth(), "/v1/tracks/" + id, patchBody("track", id, "\"color\": \"blue\"")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/color"));
        patch(cast.ownerAuth(), "/v1/tracks/" + id, patchBody("track", "1", "\"name\": \"x\"")).statusCode(400)
                .body("errors[0].source.pointer", equalTo("/data/id"));

        delete(null, "/v1/tracks/" + id).statusCode(401);
        delete(cast.plainAuth(), "/v1/tracks/" + id).statusCode(403);
        delete(cast.otherOrganizerAuth(), "/v1/tracks/" + id).statusCode(403);
        delete(cast.coorganizerAuth(), "/v1/tracks/" + id).statusCode(200)
                .body("meta.message", equalTo("Object successfully deleted"));
        get(cast.adminAuth(), "/v1/tracks/" + id).statusCode(404);
        get(null, "/v1/events/" + event.id() + "/tracks").statusCode(200)
                .body("meta.count", equalTo(2))
                .body("data.id", not(hasItem(id)));
    }

    @Test
    void draftEventsAreInvisibleToStrangers() {
        Cast cast = Cast.random();
        TestEvent draft = Programme.event(bootstrap, "draft", cast);
        String id = post(cast.coorganizerAuth(), "/v1/microlocations",
                body("microlocation", draft.id(), "\"name\": \"Hall A\", \"floor\": 2, \"room\": \"A-201\""))
                .statusCode(201).extract().path("data.id");
        String path = "/v1/events/" + draft.id() + "/microlocations";
        get(null, path).statusCode(404);
        get(cast.plainAuth(), path).statusCode(404);
        get(cast.otherOrganizerAuth(), path).statusCode(404);
        get(cast.coorganizerAuth(), path).statusCode(200).body("meta.count", equalTo(1));
        get(cast.ownerAuth(), path).statusCode(200);
        get(cast.adminAuth(), path).statusCode(200).body("data[0].attributes.room", equalTo("A-201"));
        get(null, "/v1/microlocations/" + id).statusCode(404);
        get(cast.plainAuth(), "/v1/microlocations/" + id).statusCode(404);
        get(cast.ownerAuth(), "/v1/microlocations/" + id).statusCode(200)
                .body("data.attributes.floor", equalTo(2));
        // A stranger cannot even learn that the draft exists by writing to it.
        post(cast.plainAuth(), "/v1/microlocations", body("microlocation", draft.id(), "\"name\": \"Hall B\""))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/event"));
    }

    @Test
    void microlocationsValidateCoordinates() {
        TestEvent event = published();
        post(event.cast().ownerAuth(), "/v1/microlocations",
                body("microlocation", event.id(), "\"name\": \"Roof\", \"latitude\": 123.0")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/latitude"));
        post(event.cast().ownerAuth(), "/v1/microlocations",
                body("microlocation", event.id(), "\"floor\": 1")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/name"));
        post(event.cast().plainAuth(), "/v1/microlocations",
                body("microlocation", event.id(), "\"name\": \"Mine\"")).statusCode(403);
    }

    @Test
    void sessionTypesHaveADefaultLengthAndCheckItsFormat() {
        TestEvent event = published();
        Cast cast = event.cast();
        String id = post(cast.ownerAuth(), "/v1/session-types", body("session-type", event.id(), "\"name\": \"Talk\""))
                .statusCode(201)
                .body("data.type", equalTo("session-type"))
                .body("data.attributes.length", equalTo("00:30"))
                .body("data.links.self", matchesPattern("/v1/session-types/\\d+"))
                .extract().path("data.id");
        post(cast.ownerAuth(), "/v1/session-types",
                body("session-type", event.id(), "\"name\": \"Workshop\", \"length\": \"90 minutes\"")).statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/length"))
                .body("errors[0].detail", equalTo("Length should be in the format HH:MM"));
        post(cast.plainAuth(), "/v1/session-types", body("session-type", event.id(), "\"name\": \"Mine\"")).statusCode(403);
        post(null, "/v1/session-types", body("session-type", event.id(), "\"name\": \"Mine\"")).statusCode(401);
        patch(cast.coorganizerAuth(), "/v1/session-types/" + id, patchBody("session-type", id, "\"length\": \"01:15\""))
                .statusCode(200).body("data.attributes.length", equalTo("01:15"))
                .body("data.attributes.name", equalTo("Talk"));
        patch(cast.otherOrganizerAuth(), "/v1/session-types/" + id, patchBody("session-type", id, "\"name\": \"x\""))
                .statusCode(403);
        get(null, "/v1/events/" + event.identifier() + "/session-types").statusCode(200)
                .body("meta.count", equalTo(1)).body("data[0].attributes.length", equalTo("01:15"));
    }
}
