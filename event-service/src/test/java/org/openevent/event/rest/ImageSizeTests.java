package org.openevent.event.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.openevent.event.rest.Fixtures.doc;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The image-size singletons: public reads with or without an id, admin PATCH with the original's ranges. */
@QuarkusTest
class ImageSizeTests {

    @Test
    void eventImageSizesAreOnePublicRowWithTheOriginalsSeed() {
        for (String path : new String[] {"/v1/event-image-sizes", "/v1/event-image-sizes/1", "/v1/event-image-sizes/7"}) {
            given().when().get(path).then().statusCode(200)
                    .body("data.type", equalTo("event-image-size"))
                    .body("data.id", equalTo("1"))
                    .body("data.attributes.type", equalTo("event-image"))
                    .body("data.attributes.full-width", equalTo(1300))
                    .body("data.attributes.full-height", equalTo(500))
                    .body("data.attributes.full-aspect", equalTo(true))
                    .body("data.attributes.icon-width", equalTo(75))
                    .body("data.attributes.thumbnail-height", equalTo(200))
                    .body("data.attributes.logo-width", equalTo(500))
                    .body("data.attributes.logo-height", equalTo(200));
        }
        given().when().get("/v1/speaker-image-sizes").then().statusCode(200)
                .body("data.id", equalTo("2"))
                .body("data.attributes.icon-size-width-height", equalTo(35))
                .body("data.attributes.small-size-width-height", equalTo(50))
                .body("data.attributes.thumbnail-size-width-height", equalTo(500))
                .body("data.attributes.thumbnail-size-quality", nullValue());
    }

    @Test
    void onlyAdminsChangeThemWithinRanges() {
        String patch = doc("event-image-size", "1", "\"logo-width\": 640", null);
        given().contentType(Fixtures.JSONAPI).body(patch).when().patch("/v1/event-image-sizes/1").then()
                .statusCode(401);
        Fixtures.as(Fixtures.newUser(), false).body(patch).when().patch("/v1/event-image-sizes/1").then()
                .statusCode(403);
        // The frontend PATCHes the id it read; any id in the path addresses the singleton, the body must name it.
        Fixtures.admin().body(patch).when().patch("/v1/event-image-sizes").then().statusCode(200)
                .body("data.attributes.logo-width", equalTo(640))
                .body("data.attributes.full-width", equalTo(1300));
        Fixtures.admin().body(doc("event-image-size", "2", "\"logo-width\": 1", null))
                .when().patch("/v1/event-image-sizes/1").then().statusCode(400);
        Fixtures.admin().body(doc("event-image-size", "1", "\"full-quality\": 101, \"icon-width\": -1,"
                        + " \"full-aspect\": null", null))
                .when().patch("/v1/event-image-sizes/1").then().statusCode(422)
                .body("errors.size()", equalTo(3));
        Fixtures.admin().body(doc("event-image-size", "1", "\"logo-height\": null", null))
                .when().patch("/v1/event-image-sizes/1").then().statusCode(200)
                .body("data.attributes.logo-height", nullValue())
                .body("data.attributes.logo-width", equalTo(640));
        Fixtures.admin().body(doc("speaker-image-size", "2", "\"icon-size-quality\": 90", null))
                .when().patch("/v1/speaker-image-sizes/2").then().statusCode(200)
                .body("data.attributes.icon-size-quality", equalTo(90));
        Fixtures.admin().body(doc("speaker-image-size", null, "\"icon-size-quality\": 90", null))
                .when().post("/v1/speaker-image-sizes").then().statusCode(403);
        Fixtures.admin().when().delete("/v1/speaker-image-sizes/2").then().statusCode(403);
        Fixtures.admin().body(doc("event-image-size", "1", "\"logo-height\": 200", null))
                .when().patch("/v1/event-image-sizes/1").then().statusCode(200);
    }
}
