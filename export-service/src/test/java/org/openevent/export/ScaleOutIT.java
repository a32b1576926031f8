package org.openevent.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.testing.TestTokens;
import org.openevent.export.testing.Upstream;
import org.openevent.export.testing.Upstream.Talk;

/**
 * Scale-out: two export-service processes started from the packaged application share one consumer group. Export
 * requests made through either are rendered by whichever holds the request's partition: both render, and every task
 * is completed exactly once (one file, one {@code export.completed}). Runs after packaging (failsafe), against the
 * module's test database and test topics; session-service is the {@link SessionServiceStub}.
 */
class ScaleOutIT {

    static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    static final String PREFIX = "test.export-service.";
    static final String GROUP = "export-service-test";
    static final String DB = "jdbc:postgresql://" + System.getProperty("openevent.db.host", "127.0.0.1") + ":5432/"
            + "openevent_export_test";
    static final long SEED = Long.getLong("openevent.test.seed", System.nanoTime());
    static final int EVENTS = 12;
    static final List<String> FORMATS = List.of("ical", "xcal", "jcal", "pentabarf");

    static final SessionServiceStub STUB = new SessionServiceStub();
    static final List<Process> PROCESSES = new ArrayList<>();
    static String stubUrl;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        System.out.println("ScaleOutIT seed " + SEED + " (-Dopenevent.test.seed=...)");
        stubUrl = STUB.start().get("quarkus.rest-client.session-service.url");
        Instance a = start("scale-out-a", true);
        Instance b = start("scale-out-b", false);
        INSTANCES.add(a);
        INSTANCES.add(b);
        // Both processes' export-request consumers must hold partitions before any request is published.
        await("both instances consuming export requests", Duration.ofSeconds(90), ScaleOutIT::requestsSpreadOverTwoMembers);
    }

    record Instance(String name, int port) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    static final List<Instance> INSTANCES = new ArrayList<>();

    static Instance start(String name, boolean cleanDatabase) throws Exception {
        Path jar = Path.of("target", "export-service-runner.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "package the module first: " + jar);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx256m", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                "-Dquarkus.flyway.clean-at-start=" + cleanDatabase,
                "-Dquarkus.rest-client.session-service.url=" + stubUrl,
                "-Dopenevent.export.instance-id=" + name,
                // Only the consumer group hands out renders here: a request neither renders nor starts its task.
                "-Dopenevent.export.render-on-request=false",
                "-Dopenevent.export.download-signing-key=scale-out-test-key",
                "-Dkafka.bootstrap.servers=" + BOOTSTRAP,
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", jar.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile())
                .start();
        PROCESSES.add(process);
        Instance instance = new Instance(name, port);
        await(name + " ready", Duration.ofSeconds(120), () -> {
            assertTrue(process.isAlive(), name + " exited; see target/" + name + ".log");
            try {
                return given().baseUri(instance.url()).when().get("/q/health/ready").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        return instance;
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : PROCESSES) {
            process.destroy();
        }
        for (Process process : PROCESSES) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        STUB.stop();
    }

    static boolean requestsSpreadOverTwoMembers() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            Set<String> holders = new HashSet<>();
            for (MemberDescription member : group.members()) {
                boolean holdsRequests = member.assignment().topicPartitions().stream()
                        .anyMatch(p -> p.topic().equals(PREFIX + "openevent.export-requests"));
                if (holdsRequests) {
                    holders.add(member.consumerId());
                }
            }
            return holders.size() >= 2;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void twoInstancesShareTheRendersAndCompleteEveryTaskOnce() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Upstream upstream = new Upstream(mapper, BOOTSTRAP, PREFIX);
        Random random = new Random(SEED);
        long base = 2_000_000_000L + random.nextInt(1_000_000) * 1000L;
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            long e = base + i * 100L;
            events.add(e);
            upstream.event(EventFixtures.event(e, "scale" + e, "Scale-out " + i, null, "published", OffsetDateTime.now(),
                    OffsetDateTime.parse("2027-04-01T09:00:00Z"), OffsetDateTime.parse("2027-04-01T18:00:00Z"),
                    "Europe/Paris", "Hall", null, null, List.of(new EventPayload.RoleGrant(base - 1, "owner")), null));
            for (int s = 0; s < 20; s++) {
                OffsetDateTime start = OffsetDateTime.parse("2027-04-01T09:00:00Z").plusMinutes(20L * s);
                upstream.session(new Talk(e + 10 + s, e, "Talk " + s, "accepted", true, start, start.plusMinutes(15),
                        null, null, null, List.of(), null));
            }
        }
        try (Connection db = DriverManager.getConnection(DB, "openevent_export", "openevent_export")) {
            await("the projection of " + EVENTS + " events", Duration.ofSeconds(60),
                    () -> count(db, "SELECT count(*) FROM event_projection WHERE id = ANY(?)", events) == EVENTS);

            // Requests go alternately to either process; each task is rendered by whichever consumes its message.
            String owner = TestTokens.jwtHeader(TestTokens.user(base - 1));
            List<String> taskIds = new ArrayList<>();
            int i = 0;
            for (long event : events) {
                for (String format : FORMATS) {
                    Instance via = INSTANCES.get(i++ % 2);
                    String taskUrl = given().baseUri(via.url()).header("Authorization", owner)
                            .when().get("/v1/events/" + event + "/export/" + format)
                            .then().statusCode(200).extract().path("task_url");
                    taskIds.add(taskUrl.substring(taskUrl.lastIndexOf('/') + 1));
                }
            }
            await("every task finished", Duration.ofSeconds(120), () -> count(db,
                    "SELECT count(*) FROM export_task WHERE id::text = ANY(?) AND state IN ('SUCCESS', 'FAILURE')",
                    taskIds) == taskIds.size());

            Map<String, Integer> renderedBy = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement("SELECT t.state, t.rendered_by, t.file_id, "
                    + "(SELECT count(*) FROM outbox_message o WHERE o.topic = ? AND o.message_key = t.id::text) "
                    + "FROM export_task t WHERE t.id::text = ANY(?)")) {
                query.setString(1, PREFIX + "openevent.export-results");
                query.setArray(2, db.createArrayOf("text", taskIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        assertEquals("SUCCESS", rows.getString(1));
                        assertTrue(rows.getString(3) != null, "a file");
                        assertEquals(1, rows.getInt(4), "exactly one export.completed");
                        renderedBy.merge(rows.getString(2), 1, Integer::sum);
                    }
                }
            }
            System.out.println("ScaleOutIT: tasks rendered per instance " + renderedBy);
            assertEquals(Set.of("scale-out-a", "scale-out-b"), renderedBy.keySet(), "both instances rendered");
            assertEquals(taskIds.size(), renderedBy.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(taskIds.size(), count(db, "SELECT count(DISTINCT file_id) FROM export_task WHERE id::text = ANY(?)",
                    taskIds), "one file per task: nothing rendered twice");
        }
    }

    static long count(Connection db, String sql, List<?> values) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            boolean numbers = !values.isEmpty() && values.get(0) instanceof Long;
            statement.setArray(1, db.createArrayOf(numbers ? "bigint" : "text", values.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
