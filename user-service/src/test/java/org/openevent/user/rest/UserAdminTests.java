package org.openevent.user.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.openevent.user.rest.Accounts.JSONAPI;
import static org.openevent.user.rest.Accounts.PASSWORD;
import static org.openevent.user.rest.Accounts.bearer;
import static org.openevent.user.rest.Accounts.login;
import static org.openevent.user.rest.Accounts.signUp;
import static org.openevent.user.rest.Accounts.uniqueEmail;
import static org.openevent.user.rest.UserResourceTests.patchBody;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;

/**
 * The admin user list as the frontend filters it, role flags from event grants, the authorization matrix of every
 * user route, and the public view other services include.
 */
@QuarkusTest
class UserAdminTests {

    static final String SECRET = "test-internal-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String eventEnvelope(long eventId, long version, String roles, String deletedAt) {
        return """
                {"messageId": "%s", "type": "event.upserted", "schemaVersion": 1, "aggregateType": "event",
                 "aggregateId": "%d", "aggregateVersion": %d, "occurredAt": "2027-01-01T00:00:00Z",
                 "payload": {"id": %d, "identifier": "ev%d", "name": "Conf", "state": "published",
                             "privacy": "public", "startsAt": "2027-05-04T09:00:00Z", "endsAt": "2027-05-05T18:00:00Z",
                             "timezone": "UTC", "online": false, "sessionsSpeakersEnabled": true,
                             "sponsorsEnabled": false, "roles": [%s], "deletedAt": %s}}"""
                .formatted(UUID.randomUUID(), eventId, version, eventId, eventId, roles,
                        deletedAt == null ? "null" : "\"" + deletedAt + "\"");
    }

    static String grant(long user, String role) {
        return "{\"userId\": %d, \"role\": \"%s\"}".formatted(user, role);
    }

    static void setLastAccess(long id, OffsetDateTime at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("UPDATE app_user SET last_accessed_at = :at WHERE id = :id")
                        .setParameter("at", at).setParameter("id", id).executeUpdate())));
    }

    @Test
    void theAdminTabsFilterAsTheFrontendAsks() throws Throwable {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long active = signUp("active-" + marker + "@example.org");
        long inactive = signUp("inactive-" + marker + "@example.org");
        long never = signUp("never-" + marker + "@example.org");
        long deleted = signUp("deleted-" + marker + "@example.org");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        setLastAccess(active, now.minusDays(3));
        setLastAccess(inactive, now.minusYears(2));
        String admin = bearer(Accounts.rootToken());
        given().header("Authorization", admin).when().delete("/v1/users/" + deleted).then().statusCode(200);
        String yearAgo = now.minusYears(1).toString();
        String search = "{\"or\":[{\"name\":\"first-name\",\"op\":\"ilike\",\"val\":\"%" + marker
                + "%\"},{\"name\":\"last-name\",\"op\":\"ilike\",\"val\":\"%" + marker
                + "%\"},{\"name\":\"email\",\"op\":\"ilike\",\"val\":\"%" + marker + "%\"}]}";
        Map<String, String> tabs = new LinkedHashMap<>();
        tabs.put("all", "[" + search + "]");
        tabs.put("active", "[" + search + ",{\"and\":[{\"name\":\"deleted-at\",\"op\":\"eq\",\"val\":null},"
                + "{\"name\":\"last-accessed-at\",\"op\":\"ge\",\"val\":\"" + yearAgo + "\"}]}]");
        tabs.put("inactive", "[" + search + ",{\"and\":[{\"or\":[{\"name\":\"last-accessed-at\",\"op\":\"eq\","
                + "\"val\":null},{\"name\":\"last-accessed-at\",\"op\":\"lt\",\"val\":\"" + yearAgo + "\"}]},"
                + "{\"name\":\"deleted-at\",\"op\":\"eq\",\"val\":null}]}]");
        tabs.put("deleted", "[" + search + ",{\"name\":\"deleted-at\",\"op\":\"ne\",\"val\":null}]");
        Map<String, List<String>> expected = Map.of(
                "all", List.of(String.valueOf(deleted), String.valueOf(never), String.valueOf(inactive),
                        String.valueOf(active)),
                "active", List.of(String.valueOf(active)),
                "inactive", List.of(String.valueOf(never), String.valueOf(inactive)),
                "deleted", List.of(String.valueOf(deleted)));
        for (var tab : tabs.entrySet()) {
            given().header("Authorization", admin).queryParam("filter", tab.getValue())
                    .queryParam("get_trashed", "true").queryParam("include", "events")
                    .queryParam("page[number]", 1).queryParam("page[size]", 10).queryParam("sort", "-created-at")
                    .when().get("/v1/users").then().statusCode(200)
                    .body("data.id", equalTo(expected.get(tab.getKey())))
                    .body("meta.count", equalTo(expected.get(tab.getKey()).size()))
                    .body("data[0].attributes", hasKey("last-accessed-at"))
                    .body("data[0].attributes", hasKey("is-verified"))
                    .body("data[0].attributes", hasKey("is-user-owner"))
                    .body("data[0].relationships.owner-events.links.related", notNullValue());
        }
        // The empty search the list sends when nothing is typed is no filter at all.
        given().header("Authorization", admin).queryParam("filter", "[{\"or\":[]}]").when().get("/v1/users")
                .then().statusCode(200);
    }

    @Test
    void roleFlagsAndRoleEventsFollowTheEventGrants() throws Throwable {
        long owner = signUp(uniqueEmail());
        long organizer = signUp(uniqueEmail());
        long eventId = 7_000_000 + (System.nanoTime() % 1_000_000);
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(eventId), eventEnvelope(eventId, 1,
                grant(owner, "owner") + "," + grant(organizer, "organizer") + "," + grant(organizer, "coorganizer"),
                null));
        String admin = bearer(Accounts.rootToken());
        Supplier<RequestSpecification> asAdmin = () -> given().header("Authorization", admin);
        awaitFlag(admin, organizer, "is-user-organizer", true);
        asAdmin.get().when().get("/v1/users/" + organizer).then().statusCode(200)
                .body("data.attributes.is-user-coorganizer", equalTo(true))
                .body("data.attributes.is-user-owner", equalTo(false));
        asAdmin.get().when().get("/v1/users/" + owner + "/relationships/owner-events").then().statusCode(200)
                .body("data.id", equalTo(List.of(String.valueOf(eventId))));
        asAdmin.get().when().get("/v1/users/" + organizer + "/relationships/events").then().statusCode(200)
                .body("data.id", equalTo(List.of(String.valueOf(eventId))));
        asAdmin.get().queryParam("filter", "[{\"name\":\"is-user-owner\",\"op\":\"eq\",\"val\":true}]")
                .queryParam("page[size]", 0).when().get("/v1/users").then().statusCode(200)
                .body("data.id", hasItem(String.valueOf(owner)))
                .body("data.attributes.is-user-owner", everyItem(equalTo(true)));
        // An account that owns a live event cannot be deleted, as in the original.
        given().header("Authorization", bearer(Accounts.rootToken())).when().delete("/v1/users/" + owner)
                .then().statusCode(403).body("errors[0].detail", equalTo("Users associated with events cannot be deleted"));
        // The organizer loses the role: the flags follow; an older snapshot arriving late changes nothing.
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(eventId), eventEnvelope(eventId, 3,
                grant(owner, "owner"), null));
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(eventId), eventEnvelope(eventId, 2,
                grant(owner, "owner") + "," + grant(organizer, "organizer"), null));
        awaitFlag(admin, organizer, "is-user-organizer", false);
        Thread.sleep(500);
        asAdmin.get().when().get("/v1/users/" + organizer).then()
                .body("data.attributes.is-user-organizer", equalTo(false))
                .body("data.attributes.is-user-coorganizer", equalTo(false));
        // A deleted event counts for nobody.
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(eventId), eventEnvelope(eventId, 4,
                grant(owner, "owner"), "2027-01-02T00:00:00Z"));
        awaitFlag(admin, owner, "is-user-owner", false);
        given().header("Authorization", admin).when().delete("/v1/users/" + owner).then().statusCode(200);
    }

    static void awaitFlag(String admin, long user, String flag, boolean value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Boolean now = given().header("Authorization", admin).when().get("/v1/users/" + user)
                    .then().statusCode(200).extract().path("data.attributes." + flag);
            if (now == value) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(flag + " of user " + user + " never became " + value);
    }

    @Test
    void everyUserRouteAuthorizesEveryKindOfCaller() throws Throwable {
        String email = uniqueEmail();
        long self = signUp(email);
        long otherOwner = signUp(uniqueEmail());
        long coorganizer = signUp(uniqueEmail());
        long eventId = 8_000_000 + (System.nanoTime() % 1_000_000);
        // Holding roles on events (even on an event the user organizes) gives no rights over other accounts.
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(eventId), eventEnvelope(eventId, 1,
                grant(otherOwner, "owner") + "," + grant(coorganizer, "coorganizer") + "," + grant(self, "organizer"),
                null));
        String admin = bearer(Accounts.rootToken());
        awaitFlag(admin, coorganizer, "is-user-coorganizer", true);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("plain user", bearer(login(Accounts.uniqueSignedUp(), PASSWORD)));
        callers.put("owner of another event", bearer(Accounts.loginById(otherOwner)));
        callers.put("co-organizer", bearer(Accounts.loginById(coorganizer)));
        callers.put("self (organizer)", bearer(login(email, PASSWORD)));
        callers.put("admin", admin);
        String path = "/v1/users/" + self;
        for (var caller : callers.entrySet()) {
            String who = caller.getKey();
            boolean mine = who.startsWith("self") || who.equals("admin");
            int denied = caller.getValue() == null ? 401 : 404;
            RequestSpecification request = given().contentType(JSONAPI);
            if (caller.getValue() != null) {
                request.header("Authorization", caller.getValue());
            }
            request.when().get(path).then().statusCode(mine ? 200 : denied);
            request.when().get(path + "/relationships/events").then().statusCode(mine ? 200 : denied);
            request.when().get(path + "/owner-events").then().statusCode(mine ? 200 : denied);
            request.when().get("/v1/users").then().statusCode(who.equals("admin") ? 200
                    : caller.getValue() == null ? 401 : 403);
            request.body(patchBody(self, "\"details\": \"" + who + "\"")).when().patch(path)
                    .then().statusCode(mine ? 200 : caller.getValue() == null ? 401 : 404);
        }
        // Delete last: the self's own delete, then nobody finds it but admins with get_trashed.
        given().header("Authorization", callers.get("co-organizer")).when().delete(path).then().statusCode(404);
        given().when().delete(path).then().statusCode(401);
        given().header("Authorization", callers.get("self (organizer)")).when().delete(path).then().statusCode(200);
        given().header("Authorization", admin).when().get(path).then().statusCode(404);
        given().header("Authorization", admin).when().get(path + "?get_trashed=true").then().statusCode(200);
    }

    @Test
    void otherServicesIncludeThePublicViewWithoutTheAddress() {
        String email = uniqueEmail();
        long id = signUp(email);
        long gone = signUp(uniqueEmail());
        given().header("Authorization", bearer(Accounts.rootToken())).when().delete("/v1/users/" + gone)
                .then().statusCode(200);
        for (String authorization : new String[] {null, bearer(Accounts.rootToken())}) {
            RequestSpecification request = given().header("X-OpenEvent-Internal", SECRET);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            var body = request.when().get("/internal/resources/user?ids=" + id + "," + gone).then().statusCode(200)
                    .body("data.id", equalTo(List.of(String.valueOf(id))))
                    .body("data[0].attributes.first-name", equalTo("Ada"));
            if (authorization == null) {
                body.body("data[0].attributes", not(hasKey("email")))
                        .body("data[0].attributes", not(hasKey("is-admin")))
                        .body("data[0].attributes", not(hasKey("last-accessed-at")));
            } else {
                body.body("data[0].attributes.email", equalTo(email));
            }
        }
        given().when().get("/internal/resources/user?ids=" + id).then().statusCode(404);
        given().header("X-OpenEvent-Internal", SECRET).when().get("/internal/users/" + id + "/contact")
                .then().statusCode(200).body("email", equalTo(email)).body("verified", equalTo(false));
        given().header("X-OpenEvent-Internal", SECRET).when().get("/internal/users/" + gone + "/contact")
                .then().statusCode(404);
        given().header("X-OpenEvent-Internal", SECRET).when().get("/internal/users/" + gone)
                .then().statusCode(200).body("payload.deletedAt", notNullValue()).body("payload", not(hasKey("email")));
        given().header("X-OpenEvent-Internal", SECRET).when().get("/internal/users/987654321")
                .then().statusCode(404);
        given().when().get("/internal/users/" + id).then().statusCode(404);
    }

    @Test
    void checkEmailAnswersAsTheOriginal() {
        String email = uniqueEmail();
        signUp(email);
        for (String path : List.of("/v1/users/check_email", "/v1/users/checkEmail")) {
            given().contentType("application/json").body("{\"email\": \"" + email.toUpperCase() + "\"}")
                    .when().post(path).then().statusCode(200).body("result", equalTo("False"));
            given().contentType("application/json").body("{\"email\": \"" + uniqueEmail() + "\"}")
                    .when().post(path).then().statusCode(200).body("result", equalTo("True"));
            given().contentType("application/json").body("{}").when().post(path).then().statusCode(422);
        }
        given().contentType("application/json").body("{\"email\": ").when().post("/v1/users/check_email")
                .then().statusCode(400);
    }
}
