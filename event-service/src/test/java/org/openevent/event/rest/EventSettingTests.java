package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.openevent.event.rest.Fixtures.doc;
import static org.openevent.event.rest.Fixtures.rel;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openevent.event.rest.Fixtures.Matrix;
import org.openevent.event.rest.Fixtures.Who;

/** Sponsors, tickets, the copyright, social links and the call for speakers of an event. */
@QuarkusTest
class EventSettingTests {

    /** Create statuses of the matrix for an event's co-organizer-managed child. */
    static final Map<Who, Integer> COORGANIZERS_WRITE = Map.of(Who.ANONYMOUS, 401, Who.USER, 403,
            Who.OTHER_ORGANIZER, 403, Who.COORGANIZER, 201, Who.ORGANIZER, 201, Who.OWNER, 201, Who.ADMIN, 201);

    static String ticket(String name, String extra) {
        return "\"name\": \"" + name + "\", \"type\": \"free\", \"sales-starts-at\": \"2027-01-01T00:00:00Z\","
                + " \"sales-ends-at\": \"2027-02-28T00:00:00Z\"" + extra;
    }

    @Test
    void sponsorsFollowTheMatrixAndTheEventsSwitch() {
        Matrix m = Fixtures.matrix("Sponsored Conf", "published");
        String body = doc("sponsor", null, "\"name\": \"ACME\", \"level\": 1, \"type\": \"Gold\","
                + " \"url\": \"https://acme.example.org\", \"description\": \"<p onclick=\\\"x()\\\">Rockets"
                + "<script>alert(1)</script></p>\"", rel("event", "event", m.eventId()));
        m.as(Who.OWNER).body(body).when().post("/v1/sponsors").then().statusCode(403)
                .body("errors[0].detail", equalTo("Sponsors are disabled for this Event"));
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"is-sponsors-enabled\": true", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        String id = null;
        for (Who who : Who.values()) {
            var created = m.as(who).body(body).when().post("/v1/sponsors").then().statusCode(
                    COORGANIZERS_WRITE.get(who));
            if (who == Who.OWNER) {
                id = created.body("data.attributes.type", equalTo("Gold"))
                        .body("data.attributes.description", equalTo("<p>Rockets</p>"))
                        .extract().path("data.id");
            }
        }
        given().queryParam("page[size]", 0).when().get("/v1/events/" + m.eventId() + "/sponsors").then()
                .statusCode(200).body("data", hasSize(4)).body("meta.count", equalTo(4));
        given().when().get("/v1/sponsors/" + id + "/event").then().statusCode(200)
                .body("data.id", equalTo(m.eventId()));
        given().when().get("/v1/sponsors").then().statusCode(401);
        m.as(Who.USER).body(doc("sponsor", id, "\"name\": \"Mine\"", null)).when().patch("/v1/sponsors/" + id)
                .then().statusCode(403);
        m.as(Who.COORGANIZER).body(doc("sponsor", id, "\"level\": null", null)).when().patch("/v1/sponsors/" + id)
                .then().statusCode(200).body("data.attributes.level", nullValue())
                .body("data.attributes.name", equalTo("ACME"));
        m.as(Who.COORGANIZER).body(doc("sponsor", id, "\"name\": null, \"url\": \"nope\"", null))
                .when().patch("/v1/sponsors/" + id).then().statusCode(422).body("errors", hasSize(2));
        m.as(Who.OTHER_ORGANIZER).when().delete("/v1/sponsors/" + id).then().statusCode(403);
        m.as(Who.COORGANIZER).when().delete("/v1/sponsors/" + id).then().statusCode(200);
        given().when().get("/v1/sponsors/" + id).then().statusCode(404);
    }

    @Test
    void ticketsKeepTheirRulesAndHiddenOnesStayWithTheOrganizers() {
        Matrix m = Fixtures.matrix("Ticketed Conf", "published");
        String event = rel("event", "event", m.eventId());
        for (Who who : Who.values()) {
            m.as(who).body(doc("ticket", null, ticket("Pass " + who, ""), event)).when().post("/v1/tickets")
                    .then().statusCode(COORGANIZERS_WRITE.get(who));
        }
        String hidden = m.as(Who.OWNER).body(doc("ticket", null, ticket("Crew", ", \"is-hidden\": true"), event))
                .when().post("/v1/tickets").then().statusCode(201)
                .body("data.attributes.quantity", equalTo(100))
                .body("data.attributes.min-order", equalTo(1))
                .body("data.attributes.max-order", equalTo(10))
                .body("data.attributes.is-checkin-restricted", equalTo(true))
                .extract().path("data.id");
        m.as(Who.OWNER).body(doc("ticket", null, ticket("Crew", ""), event)).when().post("/v1/tickets").then()
                .statusCode(409).body("errors[0].source.pointer", equalTo("/data/attributes/name"));
        m.as(Who.OWNER).body(doc("ticket", null, "\"name\": \"Broken\", \"type\": \"paid\", \"price\": 0,"
                        + " \"sales-starts-at\": \"2027-01-01T00:00:00Z\", \"sales-ends-at\": \"2026-01-01T00:00:00Z\"",
                        event)).when().post("/v1/tickets").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/sales-ends-at"));
        m.as(Who.OWNER).body(doc("ticket", null, ticket("Paid", ", \"type\": \"paid\"").replace(
                "\"type\": \"free\", ", ""), event)).when().post("/v1/tickets").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/price"));
        m.as(Who.OWNER).body(doc("ticket", null, ticket("Many", ", \"quantity\": 5, \"max-order\": 10"), event))
                .when().post("/v1/tickets").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/quantity"));
        m.as(Who.OWNER).body(doc("ticket", null, "\"name\": \"x\"", event)).when().post("/v1/tickets").then()
                .statusCode(422).body("errors.source.pointer", hasItem("/data/attributes/type"))
                .body("errors.source.pointer", hasItem("/data/attributes/sales-starts-at"));
        String tickets = "/v1/events/" + m.eventId() + "/tickets";
        given().when().get(tickets).then().statusCode(200).body("data.attributes.name", not(hasItem("Crew")));
        m.as(Who.USER).when().get("/v1/tickets/" + hidden).then().statusCode(404);
        m.as(Who.COORGANIZER).when().get(tickets).then().body("data.attributes.name", hasItem("Crew"));
        // The public page's filter: tickets on sale now.
        given().queryParam("filter", "[{\"name\":\"sales-starts-at\",\"op\":\"le\",\"val\":\"2027-01-15T00:00:00Z\"},"
                        + "{\"name\":\"sales-ends-at\",\"op\":\"ge\",\"val\":\"2027-01-15T00:00:00Z\"}]")
                .queryParam("page[size]", 0).queryParam("public", true).queryParam("cache", true)
                .when().get(tickets).then().statusCode(200).body("meta.count", equalTo(4));
        given().queryParam("include", "tickets").when().get("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.relationships.tickets.data", hasSize(4));
        // PATCH: absent attributes stay (no reset of defaulted flags, unlike the original).
        m.as(Who.OWNER).body(doc("ticket", hidden, "\"price\": 0", null)).when().patch("/v1/tickets/" + hidden)
                .then().statusCode(200).body("data.attributes.is-hidden", equalTo(true));
        m.as(Who.OWNER).body(doc("ticket", hidden, "\"is-hidden\": null", null)).when().patch("/v1/tickets/" + hidden)
                .then().statusCode(422);
        given().when().get("/v1/tickets/" + hidden + "/orders").then().statusCode(404);
        m.as(Who.OWNER).when().get("/v1/tickets/" + hidden + "/orders").then().statusCode(200)
                .body("data", hasSize(0));
    }

    @Test
    void anEventRemovedForGoodTakesItsSettingsAlong() {
        Matrix m = Fixtures.matrix("Doomed Conf", "published");
        String event = rel("event", "event", m.eventId());
        m.as(Who.OWNER).body(doc("ticket", null, ticket("Gone", ""), event)).when().post("/v1/tickets").then()
                .statusCode(201);
        m.as(Who.OWNER).body(doc("social-link", null, "\"name\": \"web\", \"link\": \"https://d.example.org\"",
                event)).when().post("/v1/social-links").then().statusCode(201);
        m.as(Who.OWNER).body(doc("role-invite", null, "\"email\": \"doomed@example.org\", \"role-name\":"
                + " \"moderator\"", event)).when().post("/v1/role-invites").then().statusCode(201);
        m.as(Who.OWNER).when().delete("/v1/events/" + m.eventId() + "?permanent=true").then().statusCode(403);
        Fixtures.admin().when().delete("/v1/events/" + m.eventId() + "?permanent=true").then().statusCode(200);
        Fixtures.admin().queryParam("get_trashed", true).when().get("/v1/events/" + m.eventId()).then()
                .statusCode(404);
    }

    @Test
    void anEventHasOneCopyrightAndOneCallForSpeakers() {
        Matrix m = Fixtures.matrix("Licensed Conf", "published");
        String event = rel("event", "event", m.eventId());
        String copyright = m.as(Who.COORGANIZER).body(doc("event-copyright", null, "\"licence\": \"CC BY 4.0\","
                        + " \"year\": 2026, \"holder\": \"FOSSASIA\"", event)).when().post("/v1/event-copyrights")
                .then().statusCode(201).extract().path("data.id");
        m.as(Who.OWNER).body(doc("event-copyright", null, "\"licence\": \"MIT\"", event))
                .when().post("/v1/event-copyrights").then().statusCode(409);
        m.as(Who.OWNER).body(doc("event-copyright", copyright, "\"year\": 1800", null))
                .when().patch("/v1/event-copyrights/" + copyright).then().statusCode(422);
        given().when().get("/v1/events/" + m.eventId() + "/event-copyright").then().statusCode(200)
                .body("data.attributes.licence", equalTo("CC BY 4.0"));

        String call = "\"announcement\": \"Send talks\", \"privacy\": \"public\", \"starts-at\": "
                + "\"2026-01-01T00:00:00Z\", \"ends-at\": \"2099-01-01T00:00:00Z\"";
        m.as(Who.USER).body(doc("speakers-call", null, call, event)).when().post("/v1/speakers-calls").then()
                .statusCode(403);
        String id = m.as(Who.OWNER).body(doc("speakers-call", null, call, event)).when().post("/v1/speakers-calls")
                .then().statusCode(201).extract().path("data.id");
        m.as(Who.OWNER).body(doc("speakers-call", id, "\"ends-at\": \"2025-01-01T00:00:00Z\"", null))
                .when().patch("/v1/speakers-calls/" + id).then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/ends-at"));
        m.as(Who.OWNER).body(doc("speakers-call", id, "\"privacy\": \"secret\"", null))
                .when().patch("/v1/speakers-calls/" + id).then().statusCode(422);

        String links = m.as(Who.ORGANIZER).body(doc("social-link", null, "\"name\": \"twitter\","
                        + " \"link\": \"https://twitter.com/conf\"", event)).when().post("/v1/social-links").then()
                .statusCode(201).extract().path("data.id");
        m.as(Who.ORGANIZER).body(doc("social-link", null, "\"name\": \"mastodon\", \"link\": \"mastodon\"", event))
                .when().post("/v1/social-links").then().statusCode(422);

        given().queryParam("include", "social-links,event-copyright,speakers-call,tax,owner,organizers,video-stream,"
                        + "custom-forms,group,group.followers,group.followers.user,stripe-authorization")
                .when().get("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.relationships.event-copyright.data.id", equalTo(copyright))
                .body("data.relationships.speakers-call.data.id", equalTo(id))
                .body("data.relationships.social-links.data.id", equalTo(List.of(links)))
                .body("data.relationships.tax.data", nullValue())
                .body("data.relationships.group.data", nullValue())
                .body("data.relationships.owner.data.id", equalTo(String.valueOf(m.users().get(Who.OWNER))))
                .body("included.find { it.type == 'speakers-call' }.attributes.announcement", equalTo("Send talks"));
        given().when().get("/v1/events/" + m.eventId() + "/relationships/social-links").then().statusCode(200)
                .body("data[0].id", equalTo(links));
        m.as(Who.OWNER).when().delete("/v1/event-copyrights/" + copyright).then().statusCode(200);
        m.as(Who.OWNER).body(doc("event-copyright", null, "\"licence\": \"MIT\"", event))
                .when().post("/v1/event-copyrights").then().statusCode(201);
    }
}
