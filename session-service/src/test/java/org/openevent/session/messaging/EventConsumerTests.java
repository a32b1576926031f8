package org.openevent.session.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.TestTokens;

/** The event projection fed from the real broker: snapshots, stale versions, roles and poison records. */
@QuarkusTest
class EventConsumerTests {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    static long largeId() {
        return 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    static String envelope(String messageId, long id, long version, String name, String state, long owner,
                           String deletedAt) {
        return """
                {"messageId": "%s", "type": "event.upserted", "schemaVersion": 1, "aggregateType": "event",
                 "aggregateId": "%d", "aggregateVersion": %d, "occurredAt": "2026-01-01T10:00:00Z",
                 "payload": {"id": %d, "identifier": "f%07x", "name": "%s", "state": "%s",
                   "startsAt": "2027-05-01T09:00:00Z", "endsAt": "2027-05-03T18:00:00Z", "timezone": "UTC",
                   "roles": [{"userId": %d, "role": "owner"}], "deletedAt": %s}}"""
                .formatted(messageId, id, version, id, id % 0xfffffff, name, state, owner, deletedAt);
    }

    private String send(long id, long version, String name, String state, long owner, String deletedAt) {
        String messageId = UUID.randomUUID().toString();
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(id),
                envelope(messageId, id, version, name, state, owner, deletedAt));
        return messageId;
    }

    @Test
    void staleSnapshotsAreIgnored() throws Exception {
        long id = largeId();
        long owner = largeId();
        send(id, 2, "Second edition", "published", owner, "null");
        awaitRow("select name from event_projection where id = ? and version = 2", id);

        String stale = send(id, 1, "First edition", "draft", owner, "null");
        awaitRow("select message_id from processed_message where message_id = ?", stale);
        assertEquals("Second edition", queryString("select name from event_projection where id = ?", id));
        assertEquals("published", queryString("select state from event_projection where id = ?", id));
        given().when().get("/v1/events/" + id + "/tracks").then().statusCode(200);

        send(id, 3, "Third edition", "published", owner, "null");
        awaitRow("select name from event_projection where id = ? and version = 3 and name = 'Third edition'", id);
    }

    @Test
    void rolesFollowTheLatestSnapshotAndDeletionHidesTheEvent() throws Exception {
        long id = largeId();
        long first = largeId();
        long second = largeId();
        send(id, 1, "Handover", "draft", first, "null");
        awaitRow("select role from event_projection_role where event_id = ? and user_id = " + first, id);
        given().header("Authorization", "JWT " + TestTokens.user(first))
                .when().get("/v1/events/" + id + "/tracks").then().statusCode(200);

        send(id, 2, "Handover", "draft", second, "null");
        awaitRow("select role from event_projection_role where event_id = ? and user_id = " + second, id);
        given().header("Authorization", "JWT " + TestTokens.user(first))
                .when().get("/v1/events/" + id + "/tracks").then().statusCode(404);
        given().header("Authorization", "JWT " + TestTokens.user(second))
                .when().get("/v1/events/" + id + "/tracks").then().statusCode(200);

        send(id, 3, "Handover", "published", second, "\"2026-02-01T00:00:00Z\"");
        awaitRow("select id from event_projection where id = ? and deleted_at is not null", id);
        given().header("Authorization", "JWT " + TestTokens.admin(1))
                .when().get("/v1/events/" + id + "/tracks").then().statusCode(404);
    }

    @Test
    void poisonRecordsLandInTheDeadLetterTopic() {
        String poison = "not json at all " + UUID.randomUUID();
        KafkaProbe.send(bootstrap, Topics.EVENTS, "poison-" + UUID.randomUUID(), poison);
        ConsumerRecord<String, String> dead = KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq",
                r -> poison.equals(r.value()), TIMEOUT);
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "a dead-lettered record carries its reason");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("Unparseable"),
                "the reason says the record could not be parsed");

        // A well-formed envelope with an unusable payload is poison too.
        long id = largeId();
        String badPayload = envelope(UUID.randomUUID().toString(), id, 1, "x", "published", 1, "null")
                .replace("\"roles\": [", "\"roles\": \"oops\", \"unused\": [");
        KafkaProbe.send(bootstrap, Topics.EVENTS, String.valueOf(id), badPayload);
        KafkaProbe.await(bootstrap, Topics.EVENTS + ".dlq", r -> badPayload.equals(r.value()), TIMEOUT);
    }

    private void awaitRow(String sql, Object parameter) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (queryString(sql, parameter) != null) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No row for " + sql + " with " + parameter + " within " + TIMEOUT);
    }

    private String queryString(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
