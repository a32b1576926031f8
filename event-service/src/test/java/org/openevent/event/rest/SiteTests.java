package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.openevent.event.rest.Fixtures.doc;
import static org.openevent.event.rest.Fixtures.rel;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.event.rest.Fixtures.Matrix;
import org.openevent.event.rest.Fixtures.Who;

/** Site settings, pages, groups and follows, and the user-scoped lists. */
@QuarkusTest
class SiteTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void settingsShowEachCallerTheirViewAndNeverEchoSecrets() {
        given().queryParam("cache", true).queryParam("public", true).when().get("/v1/settings").then()
                .statusCode(200)
                .body("data.type", equalTo("setting"))
                .body("data.id", equalTo("1"))
                .body("data.attributes.app-name", equalTo("Open Event"))
                .body("data.attributes.frontend-url", equalTo("http://localhost:4200"))
                .body("data.attributes.order-expiry-time", equalTo(15))
                .body("data.attributes.is-stripe-activated", equalTo(false))
                .body("data.attributes", not(hasKey("android-app-url")))
                .body("data.attributes", not(hasKey("static-domain")))
                .body("data.attributes", not(hasKey("smtp-password")));
        long user = Fixtures.newUser();
        Fixtures.as(user, false).when().get("/v1/settings").then().statusCode(200)
                .body("data.attributes", hasKey("android-app-url"))
                .body("data.attributes", not(hasKey("smtp-host")));
        Fixtures.admin().when().get("/v1/settings/1").then().statusCode(200)
                .body("data.attributes.static-domain", equalTo("http://localhost:8080"))
                .body("data.attributes.app-environment", equalTo("production"))
                .body("data.attributes", hasKey("smtp-host"))
                .body("data.attributes", not(hasKey("smtp-password")))
                .body("data.attributes", not(hasKey("stripe-secret-key")));
        // With public=true even an admin gets the public view, as the app asks for it.
        Fixtures.admin().queryParam("public", true).when().get("/v1/settings").then()
                .body("data.attributes", not(hasKey("static-domain")));

        String patch = doc("setting", "1", "\"app-name\": \"Eventyay Local\", \"smtp-password\": \"hunter2\","
                + " \"smtp-port\": 2525, \"tagline\": null", null);
        Fixtures.as(user, false).body(patch).when().patch("/v1/settings/1").then().statusCode(403);
        given().contentType(Fixtures.JSONAPI).body(patch).when().patch("/v1/settings").then().statusCode(401);
        String echoed = Fixtures.admin().body(patch).when().patch("/v1/settings").then().statusCode(200)
                .body("data.attributes.app-name", equalTo("Eventyay Local"))
                .body("data.attributes.smtp-port", equalTo(2525))
                .body("data.attributes.tagline", nullValue())
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(echoed.contains("hunter2"), echoed);
        Fixtures.admin().body(doc("setting", "1", "\"order-expiry-time\": 0, \"frontend-url\": \"localhost\","
                        + " \"email-from\": \"not-mail\", \"invoice-sending-timezone\": \"+05:30\","
                        + " \"is-paytm-activated\": null", null))
                .when().patch("/v1/settings").then().statusCode(422).body("errors", hasSize(5));
        // Clearing goes back to the configured default.
        Fixtures.admin().body(doc("setting", "1", "\"app-name\": null", null)).when().patch("/v1/settings").then()
                .statusCode(200).body("data.attributes.app-name", equalTo("Open Event"));
        Fixtures.admin().body(doc("setting", null, "\"app-name\": \"x\"", null)).when().post("/v1/settings").then()
                .statusCode(403);
    }

    @Test
    void pagesArePublicAndManagedByAdmins() {
        String name = "terms-" + UUID.randomUUID();
        String body = doc("page", null, "\"name\": \"" + name + "\", \"title\": \"Terms\", \"url\": \"/terms\","
                + " \"place\": \"footer\", \"index\": 2", null);
        Fixtures.as(Fixtures.newUser(), false).body(body).when().post("/v1/pages").then().statusCode(403);
        String id = Fixtures.admin().body(body).when().post("/v1/pages").then().statusCode(201)
                .body("data.attributes.index", equalTo(2)).extract().path("data.id");
        Fixtures.admin().body(doc("page", null, "\"name\": \"x\", \"url\": \"/x\", \"place\": \"header\"", null))
                .when().post("/v1/pages").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/place"));
        given().queryParam("cache", true).queryParam("public", true).when().get("/v1/pages").then().statusCode(200)
                .body("data.attributes.name", hasItem(name));
        given().queryParam("filter", "[{\"name\":\"place\",\"op\":\"eq\",\"val\":\"footer\"}]").queryParam("sort",
                "index").when().get("/v1/pages").then().statusCode(200).body("data.attributes.name", hasItem(name));
        Fixtures.admin().body(doc("page", id, "\"title\": null", null)).when().patch("/v1/pages/" + id).then()
                .statusCode(200).body("data.attributes.title", nullValue()).body("data.attributes.url", equalTo("/terms"));
        Fixtures.admin().when().delete("/v1/pages/" + id).then().statusCode(200);
        given().when().get("/v1/pages/" + id).then().statusCode(404);
    }

    @Test
    void groupsAreFollowedAndCountedAndReachTheStatistics() {
        Matrix m = Fixtures.matrix("Grouped Conf", "published");
        long owner = m.users().get(Who.OWNER);
        String name = "Group " + UUID.randomUUID();
        String group = Fixtures.as(owner, false).body(doc("group", null, "\"name\": \"" + name + "\","
                        + " \"is-promoted\": true, \"about\": \"<b>We</b><img src=x>\", \"social-links\":"
                        + " [{\"name\": \"web\", \"link\": \"https://g.example.org\"}]", null))
                .when().post("/v1/groups").then().statusCode(201)
                .body("data.attributes.is-promoted", equalTo(false))
                .body("data.attributes.about", equalTo("<b>We</b>"))
                .extract().path("data.id");
        given().contentType(Fixtures.JSONAPI).body(doc("group", null, "\"name\": \"x\"", null))
                .when().post("/v1/groups").then().statusCode(401);
        m.as(Who.USER).body(doc("group", group, "\"name\": \"Mine now\"", null)).when().patch("/v1/groups/" + group)
                .then().statusCode(403);
        Fixtures.admin().body(doc("group", group, "\"is-promoted\": true", null)).when().patch("/v1/groups/" + group)
                .then().statusCode(200).body("data.attributes.is-promoted", equalTo(true));
        // Organizers group their own events, into their own groups only.
        m.as(Who.OTHER_ORGANIZER).body(doc("event", m.eventId(), "", rel("group", "group", group)))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(403);
        m.as(Who.COORGANIZER).body(doc("event", m.eventId(), "", rel("group", "group", group)))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/group"));
        m.as(Who.OWNER).body(doc("event", m.eventId(), "", rel("group", "group", group)))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        // The frontend files events through the group's own events: only its owner's events, and leaving works too.
        String other = EventResourceTests.create(m.users().get(Who.OTHER_ORGANIZER), "Not theirs", "published");
        String own = EventResourceTests.create(owner, "Also theirs", "published");
        String members = "\"events\": {\"data\": [{\"type\": \"event\", \"id\": \"%s\"}, {\"type\": \"event\","
                + " \"id\": \"%s\"}]}";
        Fixtures.as(owner, false).body(doc("group", group, "", members.formatted(m.eventId(), other)))
                .when().patch("/v1/groups/" + group).then().statusCode(403);
        Fixtures.as(owner, false).body(doc("group", group, "", members.formatted(m.eventId(), own)))
                .when().patch("/v1/groups/" + group).then().statusCode(200);
        given().when().get("/v1/events/" + own + "/group").then().statusCode(200).body("data.id", equalTo(group));
        Fixtures.as(owner, false).body(doc("group", group, "", "\"events\": {\"data\": [{\"type\": \"event\","
                        + " \"id\": \"" + m.eventId() + "\"}]}"))
                .when().patch("/v1/groups/" + group).then().statusCode(200);
        given().when().get("/v1/events/" + own + "/group").then().statusCode(200).body("data", nullValue());

        long follower = Fixtures.newUser();
        String follow = Fixtures.as(follower, false).body(doc("user-follow-group", null, "",
                rel("group", "group", group))).when().post("/v1/user-follow-groups").then().statusCode(201)
                .extract().path("data.id");
        Fixtures.as(follower, false).body(doc("user-follow-group", null, "", rel("group", "group", group)))
                .when().post("/v1/user-follow-groups").then().statusCode(409);
        // "follower" is the caller's own follow: theirs for the follower, nothing for anyone else.
        Fixtures.as(follower, false).queryParam("include", "follower").when().get("/v1/groups/" + group).then()
                .statusCode(200).body("data.relationships.follower.data.id", equalTo(follow));
        Fixtures.as(follower, false).when().get("/v1/groups/" + group + "/follower").then().statusCode(200)
                .body("data.id", equalTo(follow));
        m.as(Who.USER).queryParam("include", "follower").when().get("/v1/groups/" + group).then().statusCode(200)
                .body("data.relationships.follower.data", nullValue());
        given().when().get("/v1/groups/" + group + "/follower").then().statusCode(200).body("data", nullValue());
        given().queryParam("filter", "[{\"name\":\"follower\",\"op\":\"ne\",\"val\":null}]")
                .when().get("/v1/groups").then().statusCode(400);
        given().queryParam("filter", "[{\"name\":\"is-promoted\",\"op\":\"eq\",\"val\":true}]")
                .queryParam("include", "user,follower").queryParam("public", true).queryParam("cache", true)
                .when().get("/v1/groups").then().statusCode(200)
                .body("data.find { it.id == '" + group + "' }.attributes.follower-count", equalTo(1))
                .body("data.find { it.id == '" + group + "' }.relationships.user.data.id",
                        equalTo(String.valueOf(owner)));
        given().queryParam("include", "group,group.followers,group.followers.user")
                .when().get("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.relationships.group.data.id", equalTo(group))
                .body("included.find { it.type == 'group' }.relationships.followers.data.id", equalTo(List.of(follow)))
                .body("included.find { it.type == 'user' }.id", equalTo(String.valueOf(follower)));
        given().when().get("/v1/groups/" + group + "/events").then().statusCode(200)
                .body("data.id", equalTo(List.of(m.eventId())));
        Fixtures.as(follower, false).queryParam("include", "group,user").when()
                .get("/v1/users/" + follower + "/followed-groups").then().statusCode(200)
                .body("data.id", equalTo(List.of(follow)))
                .body("included.find { it.type == 'group' }.id", equalTo(group));
        m.as(Who.USER).when().get("/v1/users/" + follower + "/followed-groups").then().statusCode(404);
        m.as(Who.USER).when().delete("/v1/user-follow-groups/" + follow).then().statusCode(403);
        Fixtures.as(follower, false).when().delete("/v1/user-follow-groups/" + follow).then().statusCode(200);
        given().when().get("/v1/groups/" + group).then().body("data.attributes.follower-count", equalTo(0));
        KafkaProbe.await(bootstrap, Topics.GROUPS, r -> r.value().contains("\"type\":\"user-follow-group.upserted\"")
                && r.value().contains("\"groupId\":" + group + ",") && r.value().contains("\"deletedAt\":\""),
                Duration.ofSeconds(30));
        KafkaProbe.await(bootstrap, Topics.GROUPS, r -> r.value().contains("\"type\":\"group.upserted\"")
                && r.value().contains(name) && r.value().contains("\"promoted\":true"), Duration.ofSeconds(30));
    }

    @Test
    void racingFollowsOfTheSameGroupAreOneFollowAndConflictsNeverErrors() throws Exception {
        long owner = Fixtures.newUser();
        String group = Fixtures.as(owner, false).body(doc("group", null, "\"name\": \"Raced\"", null))
                .when().post("/v1/groups").then().statusCode(201).extract().path("data.id");
        long follower = Fixtures.newUser();
        String body = doc("user-follow-group", null, "", rel("group", "group", group));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> Fixtures.as(follower, false).body(body)
                        .when().post("/v1/user-follow-groups").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(),
                    statuses.toString());
            org.junit.jupiter.api.Assertions.assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409),
                    statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/v1/groups/" + group).then().body("data.attributes.follower-count", equalTo(1));
    }

    @Test
    void usersListTheirEventsByRole() {
        Matrix m = Fixtures.matrix("Listed Roles Conf", "draft");
        long owner = m.users().get(Who.OWNER);
        long coorganizer = m.users().get(Who.COORGANIZER);
        Fixtures.as(owner, false).when().get("/v1/users/" + owner + "/events").then().statusCode(200)
                .body("data.id", equalTo(List.of(m.eventId())));
        Fixtures.as(owner, false).when().get("/v1/users/" + owner + "/owner-events").then().statusCode(200)
                .body("data.id", equalTo(List.of(m.eventId())));
        Fixtures.as(owner, false).when().get("/v1/users/" + owner + "/coorganizer-events").then().statusCode(200)
                .body("data", hasSize(0));
        Fixtures.as(coorganizer, false).when().get("/v1/users/" + coorganizer + "/coorganizer-events").then()
                .statusCode(200).body("data.id", equalTo(List.of(m.eventId())));
        for (String list : List.of("organizer-events", "track-organizer-events", "registrar-events",
                "moderator-events", "marketer-events", "sales-admin-events")) {
            Fixtures.as(coorganizer, false).when().get("/v1/users/" + coorganizer + "/" + list).then()
                    .statusCode(200).body("meta.count", equalTo(0));
        }
        Fixtures.as(coorganizer, false).when().get("/v1/users/" + owner + "/events").then().statusCode(404);
        given().when().get("/v1/users/" + owner + "/events").then().statusCode(401);
        Fixtures.admin().queryParam("get_trashed", true).when().get("/v1/users/" + owner + "/events").then()
                .statusCode(200).body("meta.count", greaterThanOrEqualTo(1));
        Fixtures.as(owner, false).when().get("/v1/users/" + owner + "/nonsense").then().statusCode(404);
    }
}
