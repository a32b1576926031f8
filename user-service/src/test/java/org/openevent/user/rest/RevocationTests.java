package org.openevent.user.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.user.rest.Accounts.JSONAPI;
import static org.openevent.user.rest.Accounts.PASSWORD;
import static org.openevent.user.rest.Accounts.bearer;
import static org.openevent.user.rest.Accounts.login;
import static org.openevent.user.rest.Accounts.signUp;
import static org.openevent.user.rest.Accounts.uniqueEmail;
import static org.openevent.user.rest.UserResourceTests.patchBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;

/**
 * Revocation at the owner: a blocked, deleted or password-changed account's older tokens are refused at once here,
 * and the snapshot other services revoke by (a higher token generation) is published.
 */
@QuarkusTest
class RevocationTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static void accepted(String token, long id) {
        given().header("Authorization", bearer(token)).when().get("/v1/users/" + id).then().statusCode(200);
    }

    /** Any route that needs a signed-in caller names the reason (the account itself may be gone: then 404 alone). */
    static void refused(String token, long id) {
        given().header("Authorization", bearer(token)).when().get("/v1/users").then().statusCode(401)
                .body("error", equalTo("Token has been revoked"));
    }

    JsonNode publishedGeneration(long id, long generation) throws Exception {
        var record = KafkaProbe.await(bootstrap, Topics.USERS, r -> String.valueOf(id).equals(r.key())
                && r.value().contains("\"tokenGeneration\":" + generation), Duration.ofSeconds(30));
        return new ObjectMapper().readTree(record.value()).get("payload");
    }

    @Test
    void blockingAndUnblockingEndOlderSessions() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        String before = login(email, PASSWORD);
        String admin = bearer(Accounts.rootToken());
        given().contentType(JSONAPI).header("Authorization", admin).body(patchBody(id, "\"is-blocked\": true"))
                .when().patch("/v1/users/" + id).then().statusCode(200);
        refused(before, id);
        JsonNode blocked = publishedGeneration(id, 1);
        assertTrue(blocked.get("blocked").asBoolean());
        given().contentType(JSONAPI).header("Authorization", admin).body(patchBody(id, "\"is-blocked\": false"))
                .when().patch("/v1/users/" + id).then().statusCode(200);
        refused(before, id);
        String after = login(email, PASSWORD);
        assertEquals(2, Accounts.claims(after).get("tgen").asLong());
        accepted(after, id);
    }

    @Test
    void deletionEndsEverySessionAndRestoringDoesNotReviveThem() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        String before = login(email, PASSWORD);
        String admin = bearer(Accounts.rootToken());
        given().header("Authorization", bearer(before)).when().delete("/v1/users/" + id).then().statusCode(200);
        refused(before, id);
        assertTrue(!publishedGeneration(id, 1).get("deletedAt").isNull());
        given().contentType(JSONAPI).header("Authorization", admin).body(patchBody(id, "\"deleted-at\": null"))
                .when().patch("/v1/users/" + id + "?get_trashed=true").then().statusCode(200)
                .body("data.attributes.deleted-at", equalTo(null));
        refused(before, id);
        accepted(login(email, PASSWORD), id);
    }

    @Test
    void aPasswordChangeEndsOlderSessionsButNotTheOneItHandsOut() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        String before = login(email, PASSWORD);
        String handedOut = given().contentType("application/json").header("Authorization", bearer(before))
                .body("{\"data\": {\"old-password\": \"" + PASSWORD + "\", \"new-password\": \"another-secret\"}}")
                .when().post("/v1/auth/change-password").then().statusCode(200).extract().path("access_token");
        refused(before, id);
        accepted(handedOut, id);
        assertEquals(1, publishedGeneration(id, 1).get("tokenGeneration").asLong());
    }

    @Test
    void losingAdminRightsEndsTheSessionsThatCarryThem() {
        String email = uniqueEmail();
        long id = signUp(email);
        String root = bearer(Accounts.rootToken());
        given().contentType(JSONAPI).header("Authorization", root).body(patchBody(id, "\"is-admin\": true"))
                .when().patch("/v1/users/" + id).then().statusCode(200);
        String asAdmin = login(email, PASSWORD);
        given().header("Authorization", bearer(asAdmin)).when().get("/v1/users").then().statusCode(200);
        given().contentType(JSONAPI).header("Authorization", root).body(patchBody(id, "\"is-admin\": false"))
                .when().patch("/v1/users/" + id).then().statusCode(200);
        given().header("Authorization", bearer(asAdmin)).when().get("/v1/users").then().statusCode(401);
    }
}
