package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/**
 * The per-event schedule version an export waits for: concurrent changes of one event (and a change that fails)
 * leave the numbers 1..n without a gap or a repeat, each snapshot carrying its own, and the event's committed
 * version is the last of them.
 */
@QuarkusTest
class ScheduleVersionTests {

    static final int WRITES = 24;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    @Test
    void concurrentChangesOfOneEventTakeGapFreeVersions() throws Exception {
        Cast cast = Cast.random();
        TestEvent event = Programme.event(bootstrap, "published", cast);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < WRITES; i++) {
                String title = "Parallel " + i;
                answers.add(clients.submit(() -> post(cast.ownerAuth(), "/v1/sessions",
                        SessionResourceTests.session(event.id(), title, "accepted")).extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            clients.shutdown();
        }
        // A write rejected by its rules (ends before it starts) takes no number.
        post(cast.ownerAuth(), "/v1/sessions", body("session", event.id(), """
                "title": "Backwards", "starts-at": "2027-05-01T10:00:00Z", "ends-at": "2027-05-01T09:00:00Z\""""))
                .statusCode(422);
        post(cast.ownerAuth(), "/v1/tracks", body("track", event.id(), "\"name\": \"Last\", \"color\": \"#336699\""))
                .statusCode(201);

        List<Long> versions = snapshotVersions(event.id());
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= WRITES + 1; v++) {
            expected.add(v);
        }
        assertEquals(expected, versions, "one number per committed change, none skipped, none twice");
        long current = given().header("X-OpenEvent-Internal", ContentVersionTests.SECRET)
                .when().get("/internal/events/" + event.id() + "/schedule-version")
                .then().statusCode(200).extract().jsonPath().getLong("scheduleVersion");
        assertEquals(WRITES + 1, current);
    }

    /** The schedule versions the event's snapshots carry in the outbox, sorted. */
    private List<Long> snapshotVersions(long eventId) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Long> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT envelope FROM outbox_message WHERE fairness_key = ? ORDER BY seq")) {
            statement.setString(1, String.valueOf(eventId));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String envelope = rows.getString(1);
                    JsonNode version = mapper.readTree(envelope).path("payload").path("scheduleVersion");
                    if (!version.isMissingNode()) {
                        versions.add(version.asLong());
                        // The stamp leaves the writer's serialization as it was (consumers' probes match on it).
                        assertEquals(mapper.writeValueAsString(mapper.readTree(envelope)), envelope);
                    }
                }
            }
        }
        versions.sort(null);
        return versions;
    }
}
