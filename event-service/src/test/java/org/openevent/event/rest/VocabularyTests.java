package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.openevent.event.rest.Fixtures.doc;
import static org.openevent.event.rest.Fixtures.rel;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openevent.event.rest.Fixtures.Matrix;
import org.openevent.event.rest.Fixtures.Who;

/** Event topics, sub-topics, types and roles: public vocabularies admins manage, and events pointing at them. */
@QuarkusTest
class VocabularyTests {

    static String topic(String name, String image) {
        return Fixtures.admin().body(doc("event-topic", null, "\"name\": \"" + name + "\""
                        + (image == null ? "" : ", \"system-image-url\": \"" + image + "\""), null))
                .when().post("/v1/event-topics").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void seededVocabulariesArePublicAndSorted() {
        given().queryParam("include", "event-sub-topics").queryParam("sort", "name").queryParam("page[size]", 0)
                .when().get("/v1/event-topics").then().statusCode(200)
                .body("meta.count", greaterThan(18))
                .body("data.attributes.slug", hasItem("science-technology"))
                .body("data.find { it.attributes.slug == 'science-technology' }.relationships.'event-sub-topics'"
                        + ".data.size()", equalTo(8))
                .body("data[0].attributes.'system-image-url'", equalTo(
                        "http://localhost:4200/images/placeholders/Other.jpg"));
        given().queryParam("sort", "name").when().get("/v1/event-types").then().statusCode(200)
                .body("data[0].attributes.name", equalTo("Appearance or Signing"));
        given().when().get("/v1/event-sub-topics/1").then().statusCode(200)
                .body("data.relationships.'event-topic'.links.related", equalTo("/v1/event-sub-topics/1/event-topic"));
        given().when().get("/v1/event-sub-topics/1/event-topic").then().statusCode(200)
                .body("data.type", equalTo("event-topic"));
        given().when().get("/v1/roles").then().statusCode(200)
                .body("data.attributes.name", equalTo(java.util.List.of("owner", "organizer", "coorganizer",
                        "track_organizer", "moderator", "registrar")))
                .body("data[2].attributes.'title-name'", equalTo("Co-Organizer"));
    }

    @Test
    void onlyAdminsManageTopicsAndSlugsStayUnique() {
        String name = "Quantum " + UUID.randomUUID().toString().substring(0, 6);
        String body = doc("event-topic", null, "\"name\": \"" + name + "\"", null);
        given().contentType(Fixtures.JSONAPI).body(body).when().post("/v1/event-topics").then().statusCode(401);
        Fixtures.as(Fixtures.newUser(), false).body(body).when().post("/v1/event-topics").then().statusCode(403);
        String first = topic(name, null);
        String second = topic(name, "https://img.example.org/q.png");
        String slug = Fixtures.admin().when().get("/v1/event-topics/" + first).then().extract().path(
                "data.attributes.slug");
        Fixtures.admin().when().get("/v1/event-topics/" + second).then()
                .body("data.attributes.slug", equalTo(slug + "-2"))
                .body("data.attributes.system-image-url", equalTo("https://img.example.org/q.png"));
        // PATCH: an absent attribute stays, an explicit null goes back to the default image.
        Fixtures.admin().body(doc("event-topic", second, "\"name\": \"Renamed " + slug + "\"", null))
                .when().patch("/v1/event-topics/" + second).then().statusCode(200)
                .body("data.attributes.slug", equalTo("renamed-" + slug))
                .body("data.attributes.system-image-url", equalTo("https://img.example.org/q.png"));
        Fixtures.admin().body(doc("event-topic", second, "\"system-image-url\": null", null))
                .when().patch("/v1/event-topics/" + second).then().statusCode(200)
                .body("data.attributes.system-image-url", equalTo("http://localhost:4200/images/placeholders/Other.jpg"));
        Fixtures.admin().body(doc("event-topic", second, "\"name\": null, \"system-image-url\": \"ftp://x\"", null))
                .when().patch("/v1/event-topics/" + second).then().statusCode(422)
                .body("errors.source.pointer", hasItem("/data/attributes/name"))
                .body("errors.source.pointer", hasItem("/data/attributes/system-image-url"));
        Fixtures.admin().body(doc("event-topic", null, "\"system-image-url\": \"https://x.org/a.png\"", null))
                .when().post("/v1/event-topics").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/name"))
                .body("errors[0].detail", equalTo("Missing data for required field."));
        Fixtures.as(Fixtures.newUser(), false).when().delete("/v1/event-topics/" + first).then().statusCode(403);
        Fixtures.admin().when().delete("/v1/event-topics/" + first).then().statusCode(200);
        given().when().get("/v1/event-topics/" + first).then().statusCode(404);
    }

    @Test
    void subTopicsNeedTheirTopicAndAreRemovedForGood() {
        String topic = topic("Sub host " + UUID.randomUUID(), null);
        Fixtures.admin().body(doc("event-sub-topic", null, "\"name\": \"Loose\"", null))
                .when().post("/v1/event-sub-topics").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/event-topic"));
        Fixtures.admin().body(doc("event-sub-topic", null, "\"name\": \"Lost\"", rel("event-topic", "event-topic",
                        "999999"))).when().post("/v1/event-sub-topics").then().statusCode(422);
        String sub = Fixtures.admin().body(doc("event-sub-topic", null, "\"name\": \"Qubits\"",
                        rel("event-topic", "event-topic", topic))).when().post("/v1/event-sub-topics").then()
                .statusCode(201).body("data.attributes.slug", equalTo("qubits")).extract().path("data.id");
        given().when().get("/v1/event-topics/" + topic + "/event-sub-topics").then().statusCode(200)
                .body("data.id", equalTo(java.util.List.of(sub)));
        Fixtures.admin().when().delete("/v1/event-sub-topics/" + sub).then().statusCode(200);
        given().when().get("/v1/event-sub-topics/" + sub).then().statusCode(404);
    }

    @Test
    void eventsPointAtVocabulariesAndTakeTheTopicImage() {
        Matrix m = Fixtures.matrix("Typed Conf", "published");
        String topic = topic("Imaged " + UUID.randomUUID(), "https://img.example.org/topic.jpg");
        String links = rel("event-topic", "event-topic", topic) + ", " + rel("event-type", "event-type", "6")
                + ", " + rel("event-sub-topic", "event-sub-topic", "1");
        String patch = doc("event", m.eventId(), "", links);
        // The matrix: only the event's co-organizers (and admins) may file it.
        m.as(Who.ANONYMOUS).body(patch).when().patch("/v1/events/" + m.eventId()).then().statusCode(401);
        m.as(Who.USER).body(patch).when().patch("/v1/events/" + m.eventId()).then().statusCode(403);
        m.as(Who.OTHER_ORGANIZER).body(patch).when().patch("/v1/events/" + m.eventId()).then().statusCode(403);
        m.as(Who.COORGANIZER).body(patch).when().patch("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.attributes.original-image-url", equalTo("https://img.example.org/topic.jpg"))
                .body("data.attributes.thumbnail-image-url", equalTo("https://img.example.org/topic.jpg"));
        given().queryParam("include", "event-topic,event-sub-topic,event-type")
                .when().get("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.relationships.event-topic.data.id", equalTo(topic))
                .body("data.relationships.event-type.data.id", equalTo("6"))
                .body("included.find { it.type == 'event-type' }.attributes.name", equalTo("Conference"));
        given().when().get("/v1/events/" + m.eventId() + "/event-type").then().statusCode(200)
                .body("data.id", equalTo("6"));
        given().when().get("/v1/events/" + m.eventId() + "/relationships/event-topic").then().statusCode(200)
                .body("data.id", equalTo(topic));
        given().when().get("/v1/event-topics/" + topic + "/events").then().statusCode(200)
                .body("data.id", equalTo(java.util.List.of(m.eventId())));
        // An image of the event's own wins; a draft of the topic is not listed for strangers.
        m.as(Who.OWNER).body(doc("event", m.eventId(), "\"original-image-url\": \"https://own.example.org/e.png\"",
                null)).when().patch("/v1/events/" + m.eventId()).then().statusCode(200)
                .body("data.attributes.original-image-url", equalTo("https://own.example.org/e.png"));
        String draft = EventResourceTests.create(m.users().get(Who.OWNER), "Draft of topic", "draft");
        m.as(Who.OWNER).body(doc("event", draft, "", rel("event-topic", "event-topic", topic)))
                .when().patch("/v1/events/" + draft).then().statusCode(200);
        given().when().get("/v1/event-topics/" + topic + "/events").then().statusCode(200)
                .body("data.id", not(hasItem(draft)));
        m.as(Who.OWNER).body(doc("event", m.eventId(), "", "\"event-topic\": {\"data\": null}"))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(200);
        given().when().get("/v1/events/" + m.eventId() + "/event-topic").then().statusCode(200)
                .body("data", nullValue());
        m.as(Who.OWNER).body(doc("event", m.eventId(), "", rel("event-type", "event-type", "999999")))
                .when().patch("/v1/events/" + m.eventId()).then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/relationships/event-type"));
    }

    @Test
    void builtInRolesAreImmutable() {
        Fixtures.admin().body(doc("role", "3", "\"title-name\": \"Helper\"", null))
                .when().patch("/v1/roles/3").then().statusCode(422)
                .body("errors[0].source.pointer", equalTo("/data/attributes/name"));
        Fixtures.admin().when().delete("/v1/roles/1").then().statusCode(422);
        String custom = Fixtures.admin().body(doc("role", null, "\"name\": \"helper-" + UUID.randomUUID()
                        + "\", \"title-name\": \"Helper\"", null)).when().post("/v1/roles").then().statusCode(201)
                .extract().path("data.id");
        Fixtures.admin().body(doc("role", null, "\"name\": \"owner\"", null)).when().post("/v1/roles").then()
                .statusCode(409);
        Fixtures.as(Fixtures.newUser(), false).when().delete("/v1/roles/" + custom).then().statusCode(403);
        Fixtures.admin().when().delete("/v1/roles/" + custom).then().statusCode(200);
    }
}
