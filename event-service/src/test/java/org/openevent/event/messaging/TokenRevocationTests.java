package org.openevent.event.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.event.rest.UserServiceStub;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;

/**
 * Revocation reaches this service: user-service's {@code user.upserted} messages (sent to this module's test topic
 * as user-service's relay would) make older tokens of a password-changed, blocked or deleted account fail here
 * within the printed time; a token newer than what this service knows is confirmed with user-service's snapshot
 * (a stand-in of its internal route), so a token minted right after sign-up works at once.
 */
@QuarkusTest
class TokenRevocationTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String snapshot(long user, long version, long generation, boolean blocked, boolean deleted) {
        return """
                {"messageId": "%s", "type": "user.upserted", "schemaVersion": 1, "aggregateType": "user",
                 "aggregateId": "%d", "aggregateVersion": %d, "occurredAt": "2027-01-01T00:00:00Z",
                 "payload": {"id": %d, "publicName": "Ada", "roles": ["user"], "verified": true, "blocked": %s,
                             "superAdmin": false, "admin": false, "salesAdmin": false, "marketer": false,
                             "tokenGeneration": %d, "createdAt": "2027-01-01T00:00:00Z", "deletedAt": %s}}"""
                .formatted(UUID.randomUUID(), user, version, user, blocked, generation,
                        deleted ? "\"2027-01-02T00:00:00Z\"" : "null");
    }

    static int status(String token) {
        return given().header("Authorization", TestTokens.jwtHeader(token)).when().get("/v1/events?withRole=true")
                .then().extract().statusCode();
    }

    /** Publishes the snapshot and measures how long until the token is refused here. */
    long millisUntilRefused(long user, String snapshot, String token) throws InterruptedException {
        long start = System.nanoTime();
        KafkaProbe.send(bootstrap, Topics.USERS, String.valueOf(user), snapshot);
        while (status(token) != 401) {
            if (System.nanoTime() - start > Duration.ofSeconds(20).toNanos()) {
                throw new AssertionError("Token of user " + user + " still accepted after 20 s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aTokenMintedRightAfterSignUpWorksAtOnceAndRevocationsArriveWithinSeconds() throws Exception {
        long user = 600_000 + (System.nanoTime() % 100_000);
        String first = TestTokens.user(user, 0);
        // Nothing here knows the account yet: the owner confirms it (read-your-writes after sign-up).
        UserServiceStub.SNAPSHOTS.put(user, snapshot(user, 1, 0, false, false));
        given().header("Authorization", TestTokens.jwtHeader(first)).when().get("/v1/events?withRole=true")
                .then().statusCode(200);

        long passwordChanged = millisUntilRefused(user, snapshot(user, 2, 1, false, false), first);
        given().header("Authorization", TestTokens.jwtHeader(first)).when().get("/v1/events?withRole=true")
                .then().statusCode(401).body("error", equalTo("Token has been revoked"));
        String second = TestTokens.user(user, 1);
        given().header("Authorization", TestTokens.jwtHeader(second)).when().get("/v1/events?withRole=true")
                .then().statusCode(200);

        // A token newer than this service's copy: the copy is behind, the owner knows better.
        UserServiceStub.SNAPSHOTS.put(user, snapshot(user, 4, 2, false, false));
        String third = TestTokens.user(user, 2);
        given().header("Authorization", TestTokens.jwtHeader(third)).when().get("/v1/events?withRole=true")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.jwtHeader(second)).when().get("/v1/events?withRole=true")
                .then().statusCode(401);

        long blocked = millisUntilRefused(user, snapshot(user, 5, 3, true, false), third);
        String fourth = TestTokens.user(user, 3);
        given().header("Authorization", TestTokens.jwtHeader(fourth)).when().get("/v1/events?withRole=true")
                .then().statusCode(401);

        long other = user + 1;
        String otherToken = TestTokens.user(other, 0);
        UserServiceStub.SNAPSHOTS.put(other, snapshot(other, 1, 0, false, false));
        given().header("Authorization", TestTokens.jwtHeader(otherToken)).when().get("/v1/events?withRole=true")
                .then().statusCode(200);
        long deleted = millisUntilRefused(other, snapshot(other, 2, 1, false, true), otherToken);

        System.out.printf("Revocation in event-service after the message was published: password change %d ms, "
                + "block %d ms, deletion %d ms%n", passwordChanged, blocked, deleted);
        assertTrue(Math.max(passwordChanged, Math.max(blocked, deleted)) < 5_000, "within seconds");
    }

    @Test
    void tokensOfAccountsTheOwnerDoesNotKnowAreRefused() {
        String stray = TestTokens.user(987_654_321L, 0);
        given().header("Authorization", TestTokens.jwtHeader(stray)).when().get("/v1/events?withRole=true")
                .then().statusCode(401).body("error", equalTo("Token has been revoked"));
        // Public reads still answer, as for any refused token.
        given().header("Authorization", TestTokens.jwtHeader(stray)).when().get("/v1/events").then().statusCode(200);
    }
}
