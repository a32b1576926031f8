package org.openevent.stats.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.openevent.stats.Messages.deleted;
import static org.openevent.stats.Messages.event;
import static org.openevent.stats.Messages.grant;
import static org.openevent.stats.Messages.nextId;
import static org.openevent.stats.Messages.session;
import static org.openevent.stats.Messages.speaker;
import static org.openevent.stats.Messages.speakers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.testing.OwnerStandIn;
import org.openevent.common.testing.TestTokens;
import org.openevent.stats.Messages;

/**
 * An event's general statistics: who may read them (decided on the shared event projection, with event-service's
 * snapshot as the fallback) and what they count.
 */
@QuarkusTest
class EventStatisticsTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    Messages messages;
    long owner;
    long organizer;
    long coorganizer;
    long trackOrganizer;
    long stranger;
    long eventId;
    String identifier;

    @BeforeEach
    void publishAnEvent() {
        messages = new Messages(bootstrap, pool);
        owner = nextId();
        organizer = nextId();
        coorganizer = nextId();
        trackOrganizer = nextId();
        stranger = nextId();
        eventId = nextId();
        ObjectNode event = grant(grant(grant(grant(event(eventId), owner, "owner"), organizer, "organizer"),
                coorganizer, "coorganizer"), trackOrganizer, "track_organizer");
        identifier = event.get("identifier").asText();
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event);
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, grant(event(nextId()), stranger, "organizer"));
        messages.settle();
    }

    @AfterEach
    void disconnect() {
        messages.close();
    }

    @Test
    void ownerOrganizersCoorganizersAndAdminsReadThem() {
        for (String token : new String[]{TestTokens.user(owner), TestTokens.user(organizer),
                TestTokens.user(coorganizer), TestTokens.admin(nextId())}) {
            read(token, String.valueOf(eventId)).statusCode(200)
                    .contentType("application/vnd.api+json")
                    .body("data.type", equalTo("event-statistics-general"))
                    .body("data.id", equalTo(String.valueOf(eventId)))
                    .body("data.attributes.identifier", equalTo(identifier))
                    .body("data.links.self", equalTo("/v1/events/" + eventId + "/general-statistics"));
        }
        read(TestTokens.user(owner), identifier).statusCode(200).body("data.id", equalTo(String.valueOf(eventId)));
    }

    @Test
    void everyoneElseGetsTheSame404AsForNoEvent() {
        given().when().get(path(String.valueOf(eventId))).then().statusCode(401);
        for (String token : new String[]{TestTokens.user(trackOrganizer), TestTokens.user(stranger)}) {
            notFound(read(token, String.valueOf(eventId)));
            notFound(read(token, identifier));
        }
        notFound(read(TestTokens.admin(1), String.valueOf(nextId())));
        notFound(read(TestTokens.admin(1), "no-such-event"));
        notFound(read(TestTokens.admin(1), "not an identifier"));
    }

    @Test
    void draftsAreHiddenFromStrangersAndDeletedEventsFromEveryone() {
        long draft = nextId();
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, grant(event(draft).put("state", "draft"), owner, "owner"));
        messages.settle();
        notFound(read(TestTokens.user(stranger), String.valueOf(draft)));
        read(TestTokens.user(owner), String.valueOf(draft)).statusCode(200);

        messages.publish(MessageTypes.EVENT_UPSERTED, 2, deleted(grant(event(draft).put("state", "draft"), owner,
                "owner")));
        messages.settle();
        notFound(read(TestTokens.user(owner), String.valueOf(draft)));
        notFound(read(TestTokens.admin(1), String.valueOf(draft)));
    }

    @Test
    void aJustCreatedEventIsKnownThroughItsOwner() {
        long fresh = nextId();
        ObjectNode snapshot = grant(event(fresh).put("state", "draft"), owner, "owner");
        OwnerStandIn.register(fresh, snapshot.get("identifier").asText(),
                Messages.envelope(MessageTypes.EVENT_UPSERTED, 1, snapshot).toString());
        read(TestTokens.user(owner), String.valueOf(fresh)).statusCode(200)
                .body("data.attributes.sessions", equalTo(0))
                .body("data.attributes.speakers.total", equalTo(0));
    }

    @Test
    void theyCountLiveSessionsAndSpeakers() {
        long busy = nextId();
        long alice = nextId();
        long bob = nextId();
        long carol = nextId();
        long dave = nextId();
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, grant(event(busy), owner, "owner"));
        for (long speakerId : new long[]{alice, bob, carol}) {
            messages.publish(MessageTypes.SPEAKER_UPSERTED, 1, speaker(speakerId, busy));
        }
        messages.publish(MessageTypes.SPEAKER_UPSERTED, 1, deleted(speaker(dave, busy)));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, speakers(session(nextId(), busy, "accepted"), alice, bob));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, speakers(session(nextId(), busy, "accepted"), alice));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, speakers(session(nextId(), busy, "pending"), alice, dave));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, speakers(session(nextId(), busy, "draft"), bob));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, speakers(deleted(session(nextId(), busy, "confirmed")),
                carol));
        long withdrawn = nextId();
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, speakers(session(withdrawn, busy, "pending"), carol));
        messages.publish(MessageTypes.SESSION_UPSERTED, 2, session(withdrawn, busy, "withdrawn"));
        messages.settle();

        read(TestTokens.user(owner), String.valueOf(busy)).statusCode(200)
                .body("data.attributes.sessions", equalTo(5))
                .body("data.attributes.sessions-draft", equalTo(1))
                .body("data.attributes.sessions-submitted", equalTo(4))
                .body("data.attributes.sessions-accepted", equalTo(2))
                .body("data.attributes.sessions-pending", equalTo(1))
                .body("data.attributes.sessions-confirmed", equalTo(0))
                .body("data.attributes.sessions-withdrawn", equalTo(1))
                .body("data.attributes.sessions-rejected", equalTo(0))
                .body("data.attributes.sessions-canceled", equalTo(0))
                .body("data.attributes.speakers.accepted", equalTo(2))
                .body("data.attributes.speakers.pending", equalTo(1))
                .body("data.attributes.speakers.draft", equalTo(1))
                .body("data.attributes.speakers.confirmed", equalTo(0))
                .body("data.attributes.speakers.total", equalTo(2))
                .body("data.attributes.speaker-without-session", equalTo(1))
                .body("data.attributes.sponsors", nullValue());
    }

    @Test
    void otherServicesIncludeThemForWhomTheyMayShowThem() {
        String ids = eventId + "," + nextId();
        given().header("X-OpenEvent-Internal", "test-internal-secret")
                .header("Authorization", "JWT " + TestTokens.user(coorganizer))
                .when().get("/internal/resources/event-statistics-general?ids=" + ids)
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(String.valueOf(eventId)));
        given().header("X-OpenEvent-Internal", "test-internal-secret")
                .header("Authorization", "JWT " + TestTokens.user(stranger))
                .when().get("/internal/resources/event-statistics-general?ids=" + ids)
                .then().statusCode(200).body("data", hasSize(0));
        given().header("Authorization", "JWT " + TestTokens.admin(1))
                .when().get("/internal/resources/event-statistics-general?ids=" + ids)
                .then().statusCode(404);
    }

    private static String path(String reference) {
        return "/v1/events/" + reference + "/general-statistics";
    }

    private static ValidatableResponse read(String token, String reference) {
        return given().header("Authorization", "JWT " + token).when().get(path(reference)).then();
    }

    private static void notFound(ValidatableResponse response) {
        response.statusCode(404).body("errors[0].status", equalTo("404"))
                .body("errors[0].detail", equalTo("Event not found."));
    }
}
