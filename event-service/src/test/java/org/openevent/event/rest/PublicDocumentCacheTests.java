package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.openevent.event.rest.Fixtures.doc;
import static org.openevent.event.rest.Fixtures.rel;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openevent.event.rest.Fixtures.Matrix;
import org.openevent.event.rest.Fixtures.Who;

/**
 * Anonymous event documents and lists are kept serialized, and every committed write is read at once by the next
 * anonymous request, whatever wrote it: the API, or a statement straight in the database.
 */
@QuarkusTest
class PublicDocumentCacheTests {

    private static final String INCLUDE = "sponsors,tickets,social-links,speakers-call,event-type";

    @Test
    void aKeptEventDocumentIsTaggedAndGivesWayToEveryWrite() {
        Matrix m = Fixtures.matrix("Kept Conf " + UUID.randomUUID(), "published");
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"is-sponsors-enabled\": true", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        Response first = read(m);
        Response second = read(m);
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.asString(), second.asString());
        given().header("If-None-Match", first.header("ETag")).queryParam("include", INCLUDE)
                .when().get("/v1/events/" + m.eventId()).then().statusCode(304);

        m.as(Who.OWNER).body(doc("sponsor", null, "\"name\": \"Kept sponsor\", \"level\": 1",
                rel("event", "event", m.eventId()))).when().post("/v1/sponsors").then().statusCode(201);
        Response afterSponsor = read(m);
        afterSponsor.then().body("included.findAll { it.type == 'sponsor' }.attributes.name",
                equalTo(java.util.List.of("Kept sponsor")));
        assertNotEquals(first.header("ETag"), afterSponsor.header("ETag"));
        given().header("If-None-Match", first.header("ETag")).queryParam("include", INCLUDE)
                .when().get("/v1/events/" + m.eventId()).then().statusCode(200);

        // A write that bypasses the service entirely is seen too: the version comes from the database's triggers.
        Fixtures.sql("update sponsor set name = 'Renamed in SQL' where event_id = ?", Long.parseLong(m.eventId()));
        read(m).then().body("included.findAll { it.type == 'sponsor' }.attributes.name",
                equalTo(java.util.List.of("Renamed in SQL")));
        // So is a change of a vocabulary row, which belongs to no event.
        Fixtures.sql("update event_type set name = name || ' ' where id = 6");
        m.as(Who.OWNER).body(doc("event", m.eventId(), "", rel("event-type", "event-type", "6")))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        String typeName = read(m).then().extract().path("included.find { it.type == 'event-type' }.attributes.name");
        Fixtures.sql("update event_type set name = rtrim(name) where id = 6");
        assertEquals(typeName.stripTrailing(), read(m).then().extract()
                .path("included.find { it.type == 'event-type' }.attributes.name"));

        // Unpublished: the anonymous document is gone at once, not served from what was kept.
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"state\": \"draft\"", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        given().queryParam("include", INCLUDE).when().get("/v1/events/" + m.eventId()).then().statusCode(404);
        m.as(Who.OWNER).queryParam("include", INCLUDE).when().get("/v1/events/" + m.eventId()).then()
                .statusCode(200).body("data.attributes.state", equalTo("draft"));
    }

    @Test
    void aKeptEventListFollowsARename() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Matrix m = Fixtures.matrix(tag + " listed", "published");
        String filter = "[{\"name\":\"name\",\"op\":\"startswith\",\"val\":\"" + tag + "\"}]";
        given().queryParam("filter", filter).when().get("/v1/events").then().statusCode(200).body("data", hasSize(2));
        given().queryParam("filter", filter).when().get("/v1/events").then().statusCode(200).body("data", hasSize(2));
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"name\": \"renamed " + tag + "\"", null))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        given().queryParam("filter", filter).when().get("/v1/events").then().statusCode(200).body("data", hasSize(1));
    }

    private static Response read(Matrix m) {
        return given().queryParam("include", INCLUDE).when().get("/v1/events/" + m.eventId()).then()
                .statusCode(200).extract().response();
    }
}
