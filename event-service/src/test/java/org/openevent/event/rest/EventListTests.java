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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openevent.event.rest.Fixtures.Matrix;
import org.openevent.event.rest.Fixtures.Who;

/** The event list as the home page asks for it, upcoming events, every include the app sends, rich-text cleaning. */
@QuarkusTest
class EventListTests {

    static final String NOW = OffsetDateTime.now(ZoneOffset.UTC).toString();

    /** A published event, complete as the home page wants it, with a call for speakers open now. */
    static Matrix complete(String name) {
        Matrix m = Fixtures.matrix(name, "published");
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"is-sessions-speakers-enabled\": true,"
                        + " \"logo-url\": \"https://x.example.org/logo.png\", \"original-image-url\":"
                        + " \"https://x.example.org/i.png\"", rel("event-topic", "event-topic", "16") + ", "
                        + rel("event-sub-topic", "event-sub-topic", "1") + ", " + rel("event-type", "event-type", "6")))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        m.as(Who.OWNER).body(doc("speakers-call", null, "\"announcement\": \"Talk to us\", \"privacy\": \"public\","
                        + " \"starts-at\": \"2026-01-01T00:00:00Z\", \"ends-at\": \"2099-01-01T00:00:00Z\"",
                        rel("event", "event", m.eventId()))).when().post("/v1/speakers-calls").then().statusCode(201);
        return m;
    }

    @Test
    void theHomePagesCallForSpeakersListFindsCompleteEventsOnly() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Matrix m = complete(tag + " complete");
        Fixtures.matrix(tag + " bare", "published");
        String filter = "[{\"name\":\"name\",\"op\":\"startswith\",\"val\":\"" + tag + "\"},"
                + "{\"and\":[{\"name\":\"state\",\"op\":\"eq\",\"val\":\"published\"},"
                + "{\"name\":\"privacy\",\"op\":\"eq\",\"val\":\"public\"},"
                + "{\"or\":[{\"name\":\"is-featured\",\"op\":\"eq\",\"val\":true},"
                + "{\"name\":\"is-promoted\",\"op\":\"eq\",\"val\":true},"
                + "{\"and\":[{\"name\":\"logo-url\",\"op\":\"ne\",\"val\":null},"
                + "{\"name\":\"original-image-url\",\"op\":\"ne\",\"val\":null},"
                + "{\"name\":\"event-topic\",\"op\":\"ne\",\"val\":null},"
                + "{\"name\":\"event-sub-topic\",\"op\":\"ne\",\"val\":null},"
                + "{\"name\":\"event-type\",\"op\":\"ne\",\"val\":null}]}]},"
                + "{\"name\":\"is-sessions-speakers-enabled\",\"op\":\"eq\",\"val\":true},"
                + "{\"name\":\"is-demoted\",\"op\":\"eq\",\"val\":false},"
                + "{\"name\":\"speakers-call\",\"op\":\"has\",\"val\":{\"name\":\"privacy\",\"op\":\"eq\",\"val\":\"public\"}},"
                + "{\"name\":\"speakers-call\",\"op\":\"has\",\"val\":{\"name\":\"starts-at\",\"op\":\"le\",\"val\":\"" + NOW + "\"}},"
                + "{\"name\":\"speakers-call\",\"op\":\"has\",\"val\":{\"name\":\"ends-at\",\"op\":\"ge\",\"val\":\"" + NOW + "\"}},"
                + "{\"name\":\"speakers-call\",\"op\":\"has\",\"val\":{\"name\":\"announcement\",\"op\":\"ne\",\"val\":null}}]},"
                + "{\"or\":[{\"name\":\"ends-at\",\"op\":\"ge\",\"val\":\"" + NOW + "\"},"
                + "{\"name\":\"starts-at\",\"op\":\"ge\",\"val\":\"" + NOW + "\"}]}]";
        given().queryParam("filter", filter).queryParam("include", "event-topic,event-sub-topic,event-type,speakers-call")
                .queryParam("sort", "starts-at").queryParam("cache", true).queryParam("public", true)
                .queryParam("page[size]", 10)
                .when().get("/v1/events").then().statusCode(200)
                .body("data.id", equalTo(List.of(m.eventId())))
                .body("data[0].relationships.speakers-call.data.type", equalTo("speakers-call"))
                .body("included.type", hasItem("event-topic"))
                .body("included.type", hasItem("event-sub-topic"))
                .body("included.type", hasItem("event-type"))
                .body("included.type", hasItem("speakers-call"));
        for (String sort : List.of("id", "-id", "starts-at", "-starts-at", "name", "-created-at", "ends-at,id")) {
            given().queryParam("filter", "[{\"name\":\"name\",\"op\":\"startswith\",\"val\":\"" + tag + "\"}]")
                    .queryParam("sort", sort).when().get("/v1/events").then().statusCode(200)
                    .body("data", hasSize(4));
        }
        given().queryParam("filter", "[{\"name\":\"name\",\"op\":\"startswith\",\"val\":\"" + tag + "\"},"
                        + "{\"name\":\"event-topic\",\"op\":\"eq\",\"val\":null}]")
                .queryParam("sort", "id").when().get("/v1/events").then().statusCode(200)
                .body("data.attributes.name", equalTo(List.of(tag + " complete (another)", tag + " bare",
                        tag + " bare (another)")));
    }

    @Test
    void upcomingEventsArePromotedOrCompleteWithTicketsAndATwitterLink() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Matrix m = complete(tag + " upcoming");
        Matrix promoted = Fixtures.matrix(tag + " promoted", "published");
        Fixtures.admin().body(doc("event", promoted.eventId(), "\"is-promoted\": true", null))
                .when().patch("/v1/events/" + promoted.eventId()).then().statusCode(200);
        String upcoming = "/v1/events/upcoming";
        given().queryParam("page[size]", 0).when().get(upcoming).then().statusCode(200)
                .body("data.id", hasItem(promoted.eventId()))
                .body("data.id", not(hasItem(m.eventId())));
        m.as(Who.OWNER).body(doc("ticket", null, "\"name\": \"Entry\", \"type\": \"free\", \"quantity\": 10,"
                        + " \"sales-starts-at\": \"2026-01-01T00:00:00Z\", \"sales-ends-at\": \"2027-03-01T00:00:00Z\"",
                        rel("event", "event", m.eventId()))).when().post("/v1/tickets").then().statusCode(201);
        given().queryParam("page[size]", 0).when().get(upcoming).then().body("data.id", not(hasItem(m.eventId())));
        m.as(Who.OWNER).body(doc("social-link", null, "\"name\": \"twitter\", \"link\": \"https://twitter.com/c\"",
                rel("event", "event", m.eventId()))).when().post("/v1/social-links").then().statusCode(201);
        given().queryParam("page[size]", 0).queryParam("include", "event-topic,event-sub-topic,event-type,speakers-call")
                .queryParam("upcoming", true).queryParam("public", true).queryParam("cache", true)
                .when().get(upcoming).then().statusCode(200)
                .body("data.id", hasItem(m.eventId()));
        Fixtures.admin().body(doc("event", m.eventId(), "\"is-demoted\": true", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        given().queryParam("page[size]", 0).when().get(upcoming).then().body("data.id", not(hasItem(m.eventId())));
    }

    @Test
    void everyRelationshipTheAppIncludesIsAccepted() {
        Matrix m = complete("Included Conf");
        m.as(Who.OWNER).queryParam("include", "event-topic,event-sub-topic,event-type,event-copyright,tax,owner,"
                        + "organizers,coorganizers,track-organizers,registrars,moderators,stripe-authorization")
                .when().get("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.relationships.owner.data.id", equalTo(String.valueOf(m.users().get(Who.OWNER))))
                .body("data.relationships.coorganizers.data.id", equalTo(List.of(String.valueOf(
                        m.users().get(Who.COORGANIZER)))))
                .body("data.relationships.stripe-authorization.data", nullValue())
                .body("data.relationships.event-copyright.data", nullValue());
        // The REST panel of the export page, anonymous, with every toggle on.
        given().queryParam("include", "sessions,microlocations,tracks,speakers,sponsors,tickets")
                .when().get("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.relationships.sessions.data", hasSize(2))
                .body("data.relationships.sponsors.data", hasSize(0))
                .body("data.relationships.tickets.data", hasSize(0));
        // Relationships only co-organizers may see are not there for others, and cannot be included by them.
        given().when().get("/v1/events/" + m.eventId()).then()
                .body("data.relationships", not(org.hamcrest.Matchers.hasKey("role-invites")));
        m.as(Who.OWNER).queryParam("include", "roles.role,role-invites,group,custom-forms,video-stream,exhibitors,"
                        + "orders,discount-codes,access-codes,attendees,event-invoices,order-statistics,social-links,"
                        + "sponsors,tickets,speakers-call").when().get("/v1/events/" + m.eventId()).then()
                .statusCode(200).body("data.relationships.roles.data", hasSize(3));
        given().queryParam("include", "nonsense").when().get("/v1/events/" + m.eventId()).then().statusCode(400);
    }

    @Test
    void richTextsAreCleanedToTheOriginalsWhitelist() {
        Matrix m = Fixtures.matrix("Clean Conf", "published");
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"description\": \"<p style=\\\"text-align: center;"
                        + " position: fixed\\\">Hi <a href=\\\"https://x.org\\\" onclick=\\\"evil()\\\">there</a>"
                        + "<img src=x onerror=alert(1)><script>alert(2)</script></p><h1>big</h1>\","
                        + " \"code-of-conduct\": \"<iframe src=x></iframe><b>Be kind</b>\"", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.attributes.description", equalTo("<p style=\"text-align: center\">Hi <a"
                        + " href=\"https://x.org\" rel=\"nofollow\" target=\"_blank\">there</a></p>big"))
                .body("data.attributes.code-of-conduct", equalTo("<b>Be kind</b>"));
    }
}
