package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.openevent.common.testing.TestTokens;

/** The shared JSON:API layer seen through the event resource: media types, ids, tokens, ETags. */
@QuarkusTest
class JsonApiLayerTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final long OWNER = 404;

    static String publishedEvent() {
        return EventResourceTests.create(OWNER, "Layer Conf", "published");
    }

    @Test
    void writesNeedTheJsonApiMediaTypeAndReadsRespectAccept() {
        given().contentType("application/json").header("Authorization", "JWT " + TestTokens.user(OWNER))
                .body(EventResourceTests.eventBody("x", "draft"))
                .when().post("/v1/events").then().statusCode(415)
                .body("errors[0].detail", equalTo("Content-Type header must be application/vnd.api+json"));
        given().accept("text/html").when().get("/v1/events").then().statusCode(406);
        given().accept("*/*").contentType(JSONAPI).when().get("/v1/events").then().statusCode(200)
                .contentType(JSONAPI);
    }

    @Test
    void patchIdMustMatchTheUrlAsAString() {
        String id = publishedEvent();
        String token = "JWT " + TestTokens.user(OWNER);
        given().contentType(JSONAPI).header("Authorization", token)
                .body("{\"data\": {\"type\": \"event\", \"id\": \"999999\", \"attributes\": {\"name\": \"y\"}}}")
                .when().patch("/v1/events/" + id).then().statusCode(400)
                .body("errors[0].source.pointer", equalTo("/data/id"));
        given().contentType(JSONAPI).header("Authorization", token)
                .body("{\"data\": {\"type\": \"event\", \"attributes\": {\"name\": \"y\"}}}")
                .when().patch("/v1/events/" + id).then().statusCode(400)
                .body("errors[0].detail", equalTo("Missing id in \"data\" node"));
        given().contentType(JSONAPI).header("Authorization", token)
                .body("{\"data\": {\"type\": \"event\", \"id\": \"" + id + "\", \"attributes\": {\"name\": \"Renamed\","
                        + " \"identifier\": \"hijacked\", \"no-such-attribute\": 1}}}")
                .when().patch("/v1/events/" + id).then().statusCode(200)
                .body("data.attributes.name", equalTo("Renamed"))
                .body("data.attributes.identifier", matchesPattern("[0-9a-f]{8}"));
    }

    @Test
    void badTokensAre401sOnProtectedEndpointsButPublicReadsStillWork() throws Exception {
        String id = publishedEvent();
        given().header("Authorization", "JWT " + TestTokens.expired(OWNER)).when().get("/v1/events/" + id)
                .then().statusCode(200);
        given().contentType(JSONAPI).header("Authorization", "JWT " + TestTokens.expired(OWNER))
                .body(EventResourceTests.eventBody("x", "draft"))
                .when().post("/v1/events").then().statusCode(401)
                .body("error", equalTo("Token has expired"))
                .body("errors[0].status", equalTo("401"));
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("1").claim("identity", 1).groups("admin")
                .expiresIn(3600).sign(generator.generateKeyPair().getPrivate());
        given().contentType(JSONAPI).header("Authorization", "JWT " + forged)
                .body(EventResourceTests.eventBody("x", "draft"))
                .when().post("/v1/events").then().statusCode(401).body("error", equalTo("Invalid token"));
        given().contentType(JSONAPI).body(EventResourceTests.eventBody("x", "draft"))
                .when().post("/v1/events").then().statusCode(401)
                .body("error", equalTo("Missing Authorization Header"));
    }

    @Test
    void getAnswersCarryStrongEtagsAndMatchingRequestsGet304() {
        String id = publishedEvent();
        String etag = given().when().get("/v1/events/" + id).then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{32}\"")).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/v1/events/" + id).then().statusCode(304)
                .body(emptyOrNullString());
        given().header("If-None-Match", "W/" + etag).when().get("/v1/events/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"other\", " + etag).when().get("/v1/events/" + id).then().statusCode(304);
        given().header("If-None-Match", "*").when().get("/v1/events/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"stale\"").when().get("/v1/events/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag));
        given().contentType(JSONAPI).header("Authorization", "JWT " + TestTokens.user(OWNER))
                .body("{\"data\": {\"type\": \"event\", \"id\": \"" + id + "\", \"attributes\": {\"name\": \"Changed\"}}}")
                .when().patch("/v1/events/" + id).then().statusCode(200);
        given().header("If-None-Match", etag).when().get("/v1/events/" + id).then().statusCode(200);
    }

    @Test
    void sparseFieldsetsKeepOnlyTheNamedMembers() {
        String id = publishedEvent();
        given().queryParam("fields[event]", "name,starts_at,sessions").when().get("/v1/events/" + id)
                .then().statusCode(200)
                .body("data.attributes.keySet()", equalTo(java.util.Set.of("name", "starts-at")))
                .body("data.relationships.keySet()", equalTo(java.util.Set.of("sessions")))
                .body("data.id", equalTo(id));
    }

    @Test
    void deleteIsSoftAndAnswersTheOriginalMetaMessage() {
        String id = publishedEvent();
        given().header("Authorization", "JWT " + TestTokens.user(999)).when().delete("/v1/events/" + id)
                .then().statusCode(403);
        given().header("Authorization", "JWT " + TestTokens.user(OWNER)).when().delete("/v1/events/" + id)
                .then().statusCode(200).body("meta.message", equalTo("Object successfully deleted"))
                .body("data", nullValue());
        given().when().get("/v1/events/" + id).then().statusCode(404);
        given().header("Authorization", "JWT " + TestTokens.user(OWNER)).queryParam("get_trashed", "true")
                .when().get("/v1/events/" + id).then().statusCode(404);
        given().header("Authorization", "JWT " + TestTokens.admin(1)).queryParam("get_trashed", "true")
                .when().get("/v1/events/" + id).then().statusCode(200).body("data.attributes.deleted-at", notNullValue());
        given().header("Authorization", "JWT " + TestTokens.admin(1)).queryParam("get_trashed", "true")
                .queryParam("filter", "[{\"name\": \"deleted-at\", \"op\": \"ne\", \"val\": null}]")
                .queryParam("page[size]", 0)
                .when().get("/v1/events").then().statusCode(200).body("data.id", hasItem(id));
    }

    @Test
    void permanentDeletionIsForAdminsOnly() {
        String id = publishedEvent();
        given().header("Authorization", "JWT " + TestTokens.user(OWNER)).queryParam("permanent", "true")
                .when().delete("/v1/events/" + id).then().statusCode(403);
        given().header("Authorization", "JWT " + TestTokens.admin(1)).queryParam("permanent", "true")
                .when().delete("/v1/events/" + id).then().statusCode(200);
        given().header("Authorization", "JWT " + TestTokens.admin(1)).queryParam("get_trashed", "true")
                .when().get("/v1/events/" + id).then().statusCode(404);
    }
}
