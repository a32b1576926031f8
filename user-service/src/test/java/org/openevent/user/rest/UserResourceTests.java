package org.openevent.user.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.user.rest.Accounts.JSONAPI;
import static org.openevent.user.rest.Accounts.PASSWORD;
import static org.openevent.user.rest.Accounts.bearer;
import static org.openevent.user.rest.Accounts.claims;
import static org.openevent.user.rest.Accounts.login;
import static org.openevent.user.rest.Accounts.signUp;
import static org.openevent.user.rest.Accounts.signUpBody;
import static org.openevent.user.rest.Accounts.uniqueEmail;

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
import org.openevent.common.testing.TestTokens;

/** The user resource over HTTP, against real PostgreSQL and Kafka. */
@QuarkusTest
class UserResourceTests {

    /** An admin known only from its token (the services trust the token's groups). */
    static final long ADMIN = 900_000_001L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String patchBody(long id, String attributes) {
        return "{\"data\": {\"type\": \"user\", \"id\": \"%d\", \"attributes\": {%s}}}".formatted(id, attributes);
    }

    static String adminAuth() {
        return bearer(TestTokens.admin(ADMIN));
    }

    static String userAuth(long id) {
        return bearer(TestTokens.user(id));
    }

    @Test
    void signUpAnswersTheUserWithoutPassword() {
        String email = uniqueEmail();
        String id = given().contentType(JSONAPI).body(signUpBody(email, PASSWORD))
                .when().post("/v1/users")
                .then().statusCode(201)
                .contentType(JSONAPI)
                .body("data.type", equalTo("user"))
                .body("data.attributes.email", equalTo(email))
                .body("data.attributes", not(hasKey("password")))
                .body("data.attributes", not(hasKey("password-hash")))
                .body("data.attributes.is-admin", equalTo(false))
                .body("data.attributes.is-super-admin", equalTo(false))
                .body("data.attributes.first-name", equalTo("Ada"))
                .body("data.attributes.last-name", equalTo("Lovelace"))
                .body("data.attributes.created-at", notNullValue())
                .body("jsonapi.version", equalTo("1.0"))
                .extract().path("data.id");
        given().contentType(JSONAPI).body(signUpBody(uniqueEmail(), PASSWORD))
                .when().post("/v1/users")
                .then().statusCode(201)
                .header("Location", matchesPattern("/v1/users/\\d+"));
        String body = given().header("Authorization", userAuth(Long.parseLong(id)))
                .when().get("/v1/users/" + id)
                .then().statusCode(200)
                .body("data.links.self", equalTo("/v1/users/" + id))
                .extract().asString();
        assertFalse(body.contains("$2"), "no bcrypt hash in any answer");
    }

    @Test
    void duplicateEmailConflictsCaseInsensitively() {
        String email = uniqueEmail();
        signUp(email);
        given().contentType(JSONAPI).body(signUpBody(email.toUpperCase(), "another-password"))
                .when().post("/v1/users")
                .then().statusCode(409)
                .contentType(JSONAPI)
                .body("errors[0].status", equalTo(409))
                .body("errors[0].title", equalTo("Conflict"))
                .body("errors[0].detail", equalTo("Email already exists"))
                .body("errors[0].source.pointer", equalTo("/data/attributes/email"))
                .body("jsonapi.version", equalTo("1.0"));
    }

    @Test
    void invalidSignUpsAnswer422WithPointers() {
        given().contentType(JSONAPI).body(signUpBody("not-an-email", PASSWORD))
                .when().post("/v1/users")
                .then().statusCode(422)
                .body("errors[0].status", equalTo("422"))
                .body("errors[0].source.pointer", equalTo("/data/attributes/email"))
                .body("errors[0].detail", equalTo("Not a valid email address."));
        given().contentType(JSONAPI).body(signUpBody(uniqueEmail(), "short"))
                .when().post("/v1/users")
                .then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/password"))
                .body("errors[0].detail", equalTo("Password should be at least 8 characters long"));
        given().contentType(JSONAPI).body(signUpBody(uniqueEmail(), "x".repeat(73)))
                .when().post("/v1/users")
                .then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/password"));
        given().contentType(JSONAPI)
                .body("{\"data\": {\"type\": \"user\", \"attributes\": {\"email\": \"%s\"}}}".formatted(uniqueEmail()))
                .when().post("/v1/users")
                .then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/password"))
                .body("errors[0].detail", equalTo("Missing data for required field."));
        given().contentType(JSONAPI)
                .body("{\"data\": {\"type\": \"user\", \"attributes\": {\"password\": \"%s\"}}}".formatted(PASSWORD))
                .when().post("/v1/users")
                .then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/email"));
        given().contentType(JSONAPI).body(signUpBody(uniqueEmail(), PASSWORD).replace("\"user\"", "\"event\""))
                .when().post("/v1/users")
                .then().statusCode(409);
        // Nobody makes themselves an admin by signing up.
        given().contentType(JSONAPI)
                .body(signUpBody(uniqueEmail(), PASSWORD).replace("\"first-name\"", "\"is-admin\": true, \"first-name\""))
                .when().post("/v1/users")
                .then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/is-admin"));
        // The frontend sends the model's defaults, is-admin false included: that is fine.
        given().contentType(JSONAPI)
                .body(signUpBody(uniqueEmail(), PASSWORD).replace("\"first-name\"", "\"is-admin\": false, \"first-name\""))
                .when().post("/v1/users")
                .then().statusCode(201);
    }

    @Test
    void signUpPublishesAUserSnapshotWithoutEmail() throws Exception {
        String email = uniqueEmail();
        String id = String.valueOf(signUp(email));
        ConsumerRecord<String, String> record = KafkaProbe.await(bootstrap, Topics.USERS,
                r -> id.equals(r.key()), Duration.ofSeconds(30));
        JsonNode envelope = new ObjectMapper().readTree(record.value());
        assertEquals("user.upserted", envelope.get("type").asText());
        assertEquals("user", envelope.get("aggregateType").asText());
        assertEquals(id, envelope.get("aggregateId").asText());
        assertEquals(1, envelope.get("aggregateVersion").asLong());
        JsonNode payload = envelope.get("payload");
        assertEquals(Long.parseLong(id), payload.get("id").asLong());
        assertEquals("Ada Lovelace", payload.get("publicName").asText());
        assertEquals("user", payload.get("roles").get(0).asText());
        assertEquals(1, payload.get("roles").size());
        assertFalse(record.value().toLowerCase().contains("email"), "no e-mail field");
        assertFalse(record.value().contains(email), "no e-mail address");
        assertFalse(record.value().contains("$2"), "no password hash");

        given().contentType(JSONAPI).header("Authorization", userAuth(Long.parseLong(id)))
                .body(patchBody(Long.parseLong(id), "\"public-name\": \"Countess\""))
                .when().patch("/v1/users/" + id).then().statusCode(200);
        ConsumerRecord<String, String> update = KafkaProbe.await(bootstrap, Topics.USERS,
                r -> id.equals(r.key()) && r.value().contains("\"aggregateVersion\":2"), Duration.ofSeconds(30));
        assertTrue(update.value().contains("Countess"));
    }

    @Test
    void readingAUserIsForItselfOrAnAdmin() {
        long self = signUp(uniqueEmail());
        long other = signUp(uniqueEmail());
        String path = "/v1/users/" + self;
        given().when().get(path).then().statusCode(401).body("errors[0].status", equalTo("401"));
        // Another account is not even confirmed to exist: the same 404 as for no account.
        given().header("Authorization", userAuth(other)).when().get(path).then().statusCode(404);
        given().header("Authorization", userAuth(self)).when().get(path).then().statusCode(200)
                .body("data.id", equalTo(String.valueOf(self)));
        given().header("Authorization", adminAuth()).when().get(path).then().statusCode(200);
        given().header("Authorization", adminAuth()).when().get("/v1/users/987654321987").then().statusCode(404);
        given().header("Authorization", adminAuth()).when().get("/v1/users/abc").then().statusCode(404);
        given().header("Authorization", bearer(TestTokens.expired(self))).when().get(path).then().statusCode(401);
    }

    @Test
    void signingInComesBeforeLookingTheAccountUp() {
        long self = signUp(uniqueEmail());
        String expired = bearer(TestTokens.expired(self));
        for (String path : List.of("/v1/users/" + self, "/v1/users/987654321987")) {
            for (String read : List.of("", "/relationships/events", "/owner-events")) {
                given().when().get(path + read).then().statusCode(401)
                        .body("errors[0].detail", equalTo("Missing Authorization Header"));
                given().header("Authorization", expired).when().get(path + read).then().statusCode(401)
                        .body("errors[0].detail", equalTo("Token has expired"));
            }
        }
    }

    @Test
    void listingUsersIsForAdmins() {
        String firstEmail = uniqueEmail();
        long first = signUp(firstEmail);
        long second = signUp(uniqueEmail());
        given().when().get("/v1/users").then().statusCode(401);
        given().header("Authorization", userAuth(first)).when().get("/v1/users").then().statusCode(403);
        given().header("Authorization", adminAuth())
                .when().get("/v1/users?page[size]=100")
                .then().statusCode(200)
                .body("meta.count", greaterThanOrEqualTo(2))
                .body("links.self", startsWith("/v1/users"))
                .body("data.id", hasItems(String.valueOf(first), String.valueOf(second)));
        given().header("Authorization", adminAuth())
                .queryParam("filter", "[{\"name\": \"email\", \"op\": \"ilike\", \"val\": \"" + firstEmail.toUpperCase() + "\"}]")
                .when().get("/v1/users")
                .then().statusCode(200)
                .body("meta.count", equalTo(1))
                .body("data[0].id", equalTo(String.valueOf(first)));
        given().header("Authorization", adminAuth())
                .queryParam("filter", "[{\"name\": \"password-hash\", \"op\": \"like\", \"val\": \"$2a%\"}]")
                .when().get("/v1/users")
                .then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("filter"));
        given().header("Authorization", adminAuth())
                .when().get("/v1/users?page[size]=1&page[number]=2")
                .then().statusCode(200)
                .body("data.size()", equalTo(1));
        given().header("Authorization", adminAuth())
                .when().get("/v1/users?page[size]=x")
                .then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("page[size]"));
    }

    @Test
    void updatingAUserIsForItselfOrAnAdmin() throws Exception {
        String email = uniqueEmail();
        long self = signUp(email);
        long other = signUp(uniqueEmail());
        String path = "/v1/users/" + self;
        String rename = patchBody(self, "\"first-name\": \"Augusta\"");

        given().contentType(JSONAPI).body(rename).when().patch(path).then().statusCode(401);
        given().contentType(JSONAPI).header("Authorization", userAuth(other)).body(rename)
                .when().patch(path).then().statusCode(404);
        given().contentType(JSONAPI).header("Authorization", userAuth(self)).body(rename)
                .when().patch(path).then().statusCode(200)
                .body("data.attributes.first-name", equalTo("Augusta"))
                .body("data.attributes.last-name", equalTo("Lovelace"));
        given().contentType(JSONAPI).header("Authorization", adminAuth())
                .body(patchBody(self, "\"last-name\": \"King\""))
                .when().patch(path).then().statusCode(200)
                .body("data.attributes.last-name", equalTo("King"));
        given().contentType(JSONAPI).header("Authorization", userAuth(self))
                .body(patchBody(other, "\"first-name\": \"Mismatch\""))
                .when().patch(path).then().statusCode(400)
                .body("errors[0].source.pointer", equalTo("/data/id"))
                .body("errors[0].detail", equalTo("Value of id does not match the resource identifier in url"));
        given().contentType(JSONAPI).header("Authorization", adminAuth())
                .body(patchBody(987654321987L, "\"first-name\": \"Nobody\""))
                .when().patch("/v1/users/987654321987").then().statusCode(404);
    }

    @Test
    void onlyAdminsChangeAdminRights() throws Exception {
        String email = uniqueEmail();
        long self = signUp(email);
        String path = "/v1/users/" + self;
        given().contentType(JSONAPI).header("Authorization", userAuth(self))
                .body(patchBody(self, "\"is-admin\": true"))
                .when().patch(path).then().statusCode(403)
                .body("errors[0].source.pointer", equalTo("/data/attributes/is-admin"));
        // Sending the unchanged value, as the frontend does on every profile save, is allowed.
        given().contentType(JSONAPI).header("Authorization", userAuth(self))
                .body(patchBody(self, "\"is-admin\": false, \"public-name\": \"ada\""))
                .when().patch(path).then().statusCode(200)
                .body("data.attributes.is-admin", equalTo(false));
        assertEquals("[\"user\"]", claims(login(email, PASSWORD)).get("groups").toString());

        // An admin who is not a super admin may not grant admin rights either.
        given().contentType(JSONAPI).header("Authorization", adminAuth())
                .body(patchBody(self, "\"is-admin\": true"))
                .when().patch(path).then().statusCode(403)
                .body("errors[0].source.pointer", equalTo("/data/attributes/is-admin"));
        given().contentType(JSONAPI).header("Authorization", bearer(Accounts.rootToken()))
                .body(patchBody(self, "\"is-admin\": true"))
                .when().patch(path).then().statusCode(200)
                .body("data.attributes.is-admin", equalTo(true));
        String promoted = login(email, PASSWORD);
        assertTrue(claims(promoted).get("groups").toString().contains("\"admin\""));
        given().header("Authorization", bearer(promoted)).when().get("/v1/users").then().statusCode(200);
    }

    @Test
    void emailChangesNeedAFreshLoginAndApplyToLogin() {
        String email = uniqueEmail();
        long self = signUp(email);
        String taken = uniqueEmail();
        signUp(taken);
        String path = "/v1/users/" + self;
        String newEmail = uniqueEmail();
        // An ordinary token (even the user's own, just issued) does not change the address.
        given().contentType(JSONAPI).header("Authorization", bearer(login(email, PASSWORD)))
                .body(patchBody(self, "\"email\": \"%s\"".formatted(newEmail)))
                .when().patch(path).then().statusCode(403)
                .body("errors[0].source.pointer", equalTo("/data/attributes/email"));
        String fresh = bearer(Accounts.freshLogin(email, PASSWORD));
        given().contentType(JSONAPI).header("Authorization", fresh)
                .body(patchBody(self, "\"email\": \"%s\"".formatted(taken)))
                .when().patch(path).then().statusCode(409)
                .body("errors[0].status", equalTo(409));
        // A password sent with a profile save is ignored: passwords change through change-password and reset.
        given().contentType(JSONAPI).header("Authorization", fresh)
                .body(patchBody(self, "\"email\": \"%s\", \"password\": \"a-new-password\"".formatted(newEmail)))
                .when().patch(path).then().statusCode(200)
                .body("data.attributes.email", equalTo(newEmail))
                .body("data.attributes.is-verified", equalTo(false))
                .body("data.attributes", not(hasKey("password")));
        given().contentType("application/json")
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD))
                .when().post("/auth/session").then().statusCode(401);
        login(newEmail, PASSWORD);
    }

    @Test
    void deletedUsersCannotLogInAndFreeTheirAddress() {
        String email = uniqueEmail();
        long self = signUp(email);
        long other = signUp(uniqueEmail());
        String path = "/v1/users/" + self;
        login(email, PASSWORD);
        given().header("Authorization", userAuth(other)).when().delete(path).then().statusCode(404);
        given().header("Authorization", userAuth(self)).when().delete(path).then().statusCode(200)
                .body("meta.message", equalTo("Object successfully deleted"));
        given().contentType("application/json")
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD))
                .when().post("/auth/session").then().statusCode(401)
                .body("error", equalTo("Invalid Credentials"));
        // Deleting revoked the account's tokens: refused before the account is even looked up.
        given().header("Authorization", userAuth(self)).when().get(path).then().statusCode(401)
                .body("errors[0].detail", equalTo("Token has been revoked"));
        given().header("Authorization", adminAuth()).when().get(path).then().statusCode(404);
        given().header("Authorization", adminAuth()).when().get(path + "?get_trashed=true").then().statusCode(200)
                .body("data.attributes.deleted-at", notNullValue());
        long again = signUp(email);
        assertTrue(again != self);
        login(email, PASSWORD);
    }
}
