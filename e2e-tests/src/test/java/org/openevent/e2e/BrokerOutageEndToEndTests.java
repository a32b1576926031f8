package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stops the Kafka broker while an export is requested and starts it again: the request waits in the
 * outbox, nothing is lost, and the task still reaches SUCCESS.
 */
class BrokerOutageEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final File REPOSITORY = new File(System.getProperty("user.dir")).getParentFile();

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
    }

    @Test
    void exportRequestedDuringBrokerOutageCompletesAfterRestart() throws Exception {
        String token = given().contentType("application/json")
                .body(Map.of("email", System.getProperty("e2e.admin.email"),
                        "password", System.getProperty("e2e.admin.password")))
                .when().post("/v1/auth/login").then().statusCode(200).extract().path("access_token");
        String eventId = given().contentType(JSONAPI).header("Authorization", "JWT " + token).body("""
                {"data": {"type": "event", "attributes": {"name": "Outage Conf", "timezone": "UTC",
                 "starts-at": "2027-10-01T09:00:00Z", "ends-at": "2027-10-01T18:00:00Z", "state": "published"}}}""")
                .when().post("/v1/events").then().statusCode(201).extract().path("data.id");
        awaitTrue("export-service to learn the event", Duration.ofSeconds(60), () -> given()
                .header("Authorization", "JWT " + token).get("/v1/events/" + eventId + "/export/ical").statusCode() == 200);

        dev("kafka-stop");
        String taskUrl;
        try {
            // A schedule change first: an unchanged schedule's file would be reused at once, without the broker.
            given().contentType(JSONAPI).header("Authorization", "JWT " + token).body("""
                    {"data": {"type": "track", "attributes": {"name": "Outage track", "color": "#336699"},
                     "relationships": {"event": {"data": {"type": "event", "id": "%s"}}}}}""".formatted(eventId))
                    .when().post("/v1/tracks").then().statusCode(201);
            taskUrl = given().header("Authorization", "JWT " + token)
                    .when().get("/v1/events/" + eventId + "/export/ical")
                    .then().statusCode(200).extract().path("task_url");
            Thread.sleep(3000);
            assertEquals("WAITING", given().header("Authorization", "JWT " + token).get(taskUrl).path("state"),
                    "Without a broker the request must wait, not fail");
        } finally {
            dev("kafka-start");
        }
        String finalUrl = taskUrl;
        awaitTrue("the task to succeed after the broker came back", Duration.ofSeconds(120), () -> {
            String state = given().header("Authorization", "JWT " + token).get(finalUrl).path("state");
            if ("FAILURE".equals(state)) {
                fail("The export failed after the outage");
            }
            return "SUCCESS".equals(state);
        });
    }

    private static void dev(String command) throws Exception {
        Process process = new ProcessBuilder(new File(REPOSITORY, "dev").getPath(), command)
                .directory(REPOSITORY).inheritIO().start();
        assertEquals(0, process.waitFor(), "./dev " + command + " failed");
    }

    private static void awaitTrue(String what, Duration timeout, java.util.function.Supplier<Boolean> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
