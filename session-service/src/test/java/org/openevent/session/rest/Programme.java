package org.openevent.session.rest;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadLocalRandom;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;
import org.openevent.session.ServiceStandIns;

/** Test plumbing: synthetic events on Kafka, users with roles, and JSON:API request helpers. */
final class Programme {

    static final String JSONAPI = "application/vnd.api+json";
    static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(60);

    private Programme() {
    }

    /** An id far above anything a real service hands out in tests, so runs never collide. */
    static long largeId() {
        return 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    /** The people around one synthetic event. */
    record Cast(long owner, long coorganizer, long plain, long otherOrganizer, long admin) {

        static Cast random() {
            return new Cast(largeId(), largeId(), largeId(), largeId(), largeId());
        }

        String ownerAuth() {
            return "JWT " + TestTokens.user(owner);
        }

        String coorganizerAuth() {
            return "JWT " + TestTokens.user(coorganizer);
        }

        String plainAuth() {
            return "JWT " + TestTokens.user(plain);
        }

        String otherOrganizerAuth() {
            return "JWT " + TestTokens.user(otherOrganizer);
        }

        String adminAuth() {
            return "JWT " + TestTokens.admin(admin);
        }
    }

    /** A synthetic event: its id, identifier and the cast holding roles on it. */
    record TestEvent(long id, String identifier, Cast cast) {
    }

    /** The envelope event-service would publish for this snapshot, granting the roles (user id to role name). */
    static String envelope(String messageId, long id, String identifier, long version, String name, String state,
                           Map<Long, String> roles) {
        String grants = roles.entrySet().stream()
                .map(grant -> "{\"userId\": %d, \"role\": \"%s\"}".formatted(grant.getKey(), grant.getValue()))
                .collect(Collectors.joining(", "));
        return """
                {"messageId": "%s", "type": "event.upserted", "schemaVersion": 1, "aggregateType": "event",
                 "aggregateId": "%d", "aggregateVersion": %d, "occurredAt": "2026-01-01T10:00:00Z",
                 "payload": {"id": %d, "identifier": "%s", "name": "%s", "description": null, "state": "%s",
                   "privacy": "public", "sessionsSpeakersEnabled": true,
                   "startsAt": "2027-05-01T09:00:00Z", "endsAt": "2027-05-03T18:00:00Z", "timezone": "Europe/Berlin",
                   "locationName": null, "latitude": null, "longitude": null, "externalEventUrl": null,
                   "roles": [%s], "deletedAt": null}}""".formatted(messageId, id, version, id, identifier, name,
                state, grants);
    }

    static void sendEvent(String bootstrap, long id, String identifier, long version, String name, String state,
                          Map<Long, String> roles, String messageId) {
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(id),
                envelope(messageId, id, identifier, version, name, state, roles));
    }

    /** Publishes a new event owned by {@code cast.owner()} and waits until this service knows it. */
    static TestEvent event(String bootstrap, String state, Cast cast) {
        return event(bootstrap, state, cast, Map.of());
    }

    /** As {@link #event(String, String, Cast)}, granting further roles (user id to role name) on the event. */
    static TestEvent event(String bootstrap, String state, Cast cast, Map<Long, String> moreRoles) {
        long id = largeId();
        String identifier = "e" + Long.toHexString(ThreadLocalRandom.current().nextLong(0x1000000L, 0xfffffffL));
        identifier = identifier.substring(0, 8);
        Map<Long, String> roles = new LinkedHashMap<>(moreRoles);
        roles.put(cast.owner(), "owner");
        roles.put(cast.coorganizer(), "coorganizer");
        sendEvent(bootstrap, id, identifier, 1, "Conference " + id, state, roles, UUID.randomUUID().toString());
        ServiceStandIns.event(id, identifier, "Conference " + id);
        List<Long> users = new ArrayList<>(List.of(cast.owner(), cast.coorganizer(), cast.plain(),
                cast.otherOrganizer(), cast.admin()));
        users.addAll(moreRoles.keySet());
        users.forEach(user -> ServiceStandIns.user(user, email(user), true));
        awaitKnown(id, cast);
        return new TestEvent(id, identifier, cast);
    }

    /** The account address user-service holds for a test user. */
    static String email(long userId) {
        return "user" + userId + "@example.org";
    }

    /** Polls until the event's track list answers 200 to its admin. */
    static void awaitKnown(long eventId, Cast cast) {
        long deadline = System.nanoTime() + PROJECTION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            int status = given().header("Authorization", cast.adminAuth())
                    .when().get("/v1/events/" + eventId + "/tracks").then().extract().statusCode();
            if (status == 200) {
                return;
            }
            pause();
        }
        throw new AssertionError("Event " + eventId + " never reached the projection");
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static ValidatableResponse post(String auth, String path, String body) {
        var request = given().contentType(JSONAPI).body(body);
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request.when().post(path).then();
    }

    static ValidatableResponse patch(String auth, String path, String body) {
        var request = given().contentType(JSONAPI).body(body);
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request.when().patch(path).then();
    }

    static ValidatableResponse get(String auth, String path) {
        var request = given();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request.when().get(path).then();
    }

    static ValidatableResponse delete(String auth, String path) {
        var request = given();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request.when().delete(path).then();
    }

    /** A POST body for {@code type} linked to the event. */
    static String body(String type, long eventId, String attributes) {
        return """
                {"data": {"type": "%s", "attributes": {%s},
                  "relationships": {"event": {"data": {"type": "event", "id": "%d"}}}}}"""
                .formatted(type, attributes, eventId);
    }

    /** A PATCH body. */
    static String patchBody(String type, String id, String attributes) {
        return """
                {"data": {"type": "%s", "id": "%s", "attributes": {%s}}}""".formatted(type, id, attributes);
    }
}
