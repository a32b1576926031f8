package org.openevent.session.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.delete;
import static org.openevent.session.rest.Programme.get;
import static org.openevent.session.rest.Programme.patch;
import static org.openevent.session.rest.Programme.patchBody;
import static org.openevent.session.rest.Programme.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/** Speakers over HTTP: proposals by users, private e-mail, who may change them, published snapshots. */
@QuarkusTest
class SpeakerResourceTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String speaker(long eventId, String name, String email) {
        return body("speaker", eventId, """
                "name": "%s", "email": "%s", "mobile": "+49 30 1234", "organisation": "FOSSASIA",
                "position": "Engineer", "country": "Germany", "short-biography": "Speaks.",
                "website": "https://example.org/%s", "is-featured": true""".formatted(name, email, name.replace(' ', '-')));
    }

    @Test
    void anyUserMayProposeASpeakerWhoseEmailStaysPrivate() throws Exception {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String ada = Programme.email(cast.plain());
        // A non-organizer's speaker always carries the caller's own account address, whatever was sent.
        String id = post(cast.plainAuth(), "/v1/speakers", speaker(event.id(), "Ada Lovelace", "someone@example.org"))
                .statusCode(201)
                .body("data.type", equalTo("speaker"))
                .body("data.attributes.email", equalTo(ada))
                .body("data.attributes.organisation", equalTo("FOSSASIA"))
                .body("data.attributes.photo-url", nullValue())
                // Featuring is the organizers' call, a proposer's flag is ignored.
                .body("data.attributes.is-featured", equalTo(false))
                .extract().path("data.id");

        get(null, "/v1/speakers/" + id).statusCode(200)
                .body("data.attributes.name", equalTo("Ada Lovelace"))
                .body("data.attributes", not(hasKey("email")))
                .body("data.attributes", not(hasKey("mobile")));
        get(cast.otherOrganizerAuth(), "/v1/speakers/" + id).statusCode(200)
                .body("data.attributes", not(hasKey("email")));
        get(cast.plainAuth(), "/v1/speakers/" + id).statusCode(200)
                .body("data.attributes.email", equalTo(ada));
        get(cast.coorganizerAuth(), "/v1/speakers/" + id).statusCode(200)
                .body("data.attributes.email", equalTo(ada))
                .body("data.attributes.mobile", equalTo("+49 30 1234"));
        get(cast.adminAuth(), "/v1/speakers/" + id).statusCode(200)
                .body("data.attributes.email", equalTo(ada));
        get(null, "/v1/events/" + event.id() + "/speakers").statusCode(200)
                .body("meta.count", equalTo(1))
                .body("data[0].attributes", not(hasKey("email")));
        get(cast.ownerAuth(), "/v1/events/" + event.id() + "/speakers").statusCode(200)
                .body("data[0].attributes.email", equalTo(ada));

        ConsumerRecord<String, String> record = KafkaProbe.await(bootstrap, Topics.SESSIONS,
                r -> r.key().equals(id) && r.value().contains("\"speaker.upserted\"")
                        && r.value().contains("\"eventId\":" + event.id()), Duration.ofSeconds(30));
        JsonNode envelope = JSON.readTree(record.value());
        assertEquals("speaker", envelope.get("aggregateType").asText());
        assertEquals(1, envelope.get("aggregateVersion").asLong());
        assertEquals("Ada Lovelace", envelope.get("payload").get("name").asText());
        assertFalse(record.value().contains(ada), "the e-mail must never be published");
        assertFalse(envelope.get("payload").has("email"));
    }

    @Test
    void speakersAreChangedByTheirCreatorOrManagers() {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        String id = post(cast.plainAuth(), "/v1/speakers", speaker(event.id(), "Grace Hopper", "grace@example.org"))
                .statusCode(201).extract().path("data.id");
        String edit = patchBody("speaker", id, "\"position\": \"Admiral\"");
        patch(null, "/v1/speakers/" + id, edit).statusCode(401);
        patch(cast.otherOrganizerAuth(), "/v1/speakers/" + id, edit).statusCode(403);
        patch(cast.plainAuth(), "/v1/speakers/" + id, edit).statusCode(200)
                .body("data.attributes.position", equalTo("Admiral"));
        patch(cast.coorganizerAuth(), "/v1/speakers/" + id, patchBody("speaker", id, "\"is-featured\": true"))
                .statusCode(200).body("data.attributes.is-featured", equalTo(true));
        patch(cast.plainAuth(), "/v1/speakers/" + id, patchBody("speaker", id, "\"website\": \"not a url\""))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/attributes/website"));
        post(cast.coorganizerAuth(), "/v1/speakers", speaker(event.id(), "Grace Again",
                Programme.email(cast.plain()).toUpperCase()))
                .statusCode(409).body("errors[0].source.pointer", equalTo("/data/attributes/email"));
        post(cast.ownerAuth(), "/v1/speakers", body("speaker", event.id(), "\"email\": \"x@example.org\""))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/attributes/name"));
        post(cast.ownerAuth(), "/v1/speakers", speaker(event.id(), "Bad Mail", "not-an-email"))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/attributes/email"));
        post(null, "/v1/speakers", speaker(event.id(), "Anon", "anon@example.org")).statusCode(401);
        delete(cast.otherOrganizerAuth(), "/v1/speakers/" + id).statusCode(403);
        delete(cast.plainAuth(), "/v1/speakers/" + id).statusCode(200);
        get(cast.adminAuth(), "/v1/speakers/" + id).statusCode(404);
    }

    @Test
    void usersCannotProposeSpeakersForDraftEvents() {
        Cast cast = Cast.random();
        TestEvent draft = Programme.event(bootstrap, "draft", cast);
        post(cast.plainAuth(), "/v1/speakers", speaker(draft.id(), "Early Bird", "early@example.org"))
                .statusCode(422).body("errors[0].source.pointer", equalTo("/data/relationships/event"));
        post(cast.coorganizerAuth(), "/v1/speakers", speaker(draft.id(), "Invited", "invited@example.org"))
                .statusCode(201);
        get(null, "/v1/events/" + draft.id() + "/speakers").statusCode(404);
    }
}
