package org.openevent.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.testing.TestTokens;
import org.openevent.export.EventFixtures;
import org.openevent.export.SessionServiceStub;
import org.openevent.export.repository.FragmentCache;
import org.openevent.export.service.Housekeeping;
import org.openevent.export.service.ListingMemory;
import org.openevent.export.testing.OnVertx;
import org.openevent.export.testing.Upstream;
import org.openevent.export.testing.Upstream.Talk;
import org.openevent.export.testing.Validators;

/**
 * Export tasks in every format: the task contract (WAITING, then SUCCESS with an absolute link), plain JSON under
 * the JSON:API media type, reuse of the file of an unchanged schedule version, re-rendering of exactly the changed
 * session, and the retention of files and fragments.
 */
@QuarkusTest
@WithTestResource(SessionServiceStub.class)
class ExportFormatsTests {

    static final long SEED = Long.getLong("openevent.test.seed", System.nanoTime());
    static final Random RANDOM = new Random(SEED);
    static final String API = "https://api.openevent.test";

    static {
        System.out.println("ExportFormatsTests seed " + SEED + " (-Dopenevent.test.seed=...)");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    Housekeeping housekeeping;

    @Inject
    FragmentCache fragmentCache;

    @Inject
    ListingMemory listingMemory;

    @Inject
    MeterRegistry registry;

    /** A published event in Lisbon with a room, a track and {@code talks} accepted sessions; returns its id. */
    long event(int talks) {
        Upstream up = new Upstream(mapper, bootstrap);
        long e = 3_000_000_000L + RANDOM.nextInt(1_000_000) * 1000L;
        up.event(EventFixtures.event(e, "fmt" + e, "Formats " + e, null, "published", OffsetDateTime.now(),
                OffsetDateTime.parse("2027-10-30T09:00:00+01:00"), OffsetDateTime.parse("2027-10-31T18:00:00Z"),
                "Europe/Lisbon", "Lisbon", 38.7, -9.1, List.of(new EventPayload.RoleGrant(e + 1, "owner")), null));
        up.room(e + 2, e, "Auditorium", null, null);
        up.track(e + 3, e, "Main");
        for (int i = 0; i < talks; i++) {
            up.session(talk(e, i, "Talk " + i));
        }
        long version = Upstream.aggregateVersion("event", e);
        awaitTrue("event " + e, () -> count("SELECT count(*) FROM event_projection WHERE id = $1 AND version >= $2",
                Tuple.of(e, version)) == 1);
        return e;
    }

    static Talk talk(long event, int i, String title) {
        OffsetDateTime start = OffsetDateTime.parse("2027-10-31T00:30:00Z").plusMinutes(45L * i);
        return new Talk(event + 10 + i, event, title, "accepted", true, start, start.plusMinutes(40), event + 3,
                event + 2, null, List.of(), null);
    }

    static String owner(long event) {
        return TestTokens.jwtHeader(TestTokens.user(event + 1));
    }

    static String start(long event, String format) {
        return given().header("Authorization", owner(event)).when().get("/v1/events/" + event + "/export/" + format)
                .then().statusCode(200).body("task_url", matchesPattern("/v1/tasks/[0-9a-f-]{36}"))
                .extract().path("task_url");
    }

    JsonNode finish(long event, String taskUrl) {
        JsonNode[] last = new JsonNode[1];
        awaitTrue("task " + taskUrl, () -> {
            try {
                last[0] = mapper.readTree(given().header("Authorization", owner(event)).when().get(taskUrl).asString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return !"WAITING".equals(last[0].get("state").asText());
        });
        assertEquals("SUCCESS", last[0].get("state").asText(), last[0].toString());
        return last[0];
    }

    static String download(JsonNode task) {
        String url = task.get("result").get("download_url").asText();
        assertTrue(url.startsWith(API + "/v1/exports/"), url);
        Response response = given().when().get(url.substring(API.length()));
        assertEquals(200, response.statusCode());
        byte[] body = response.asByteArray();
        // The length is known from the plan: said up front, and the body is not chunk-encoded as well.
        assertEquals(String.valueOf(body.length), response.header("Content-Length"));
        assertEquals(null, response.header("Transfer-Encoding"));
        return new String(body, StandardCharsets.UTF_8);
    }

    long count(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    String text(String sql, Tuple args) {
        var rows = pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : String.valueOf(rows.iterator().next().getValue(0));
    }

    static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void everyFormatIsExportedValidly() throws Exception {
        long e = event(3);
        Instant first = Instant.parse("2027-10-31T00:30:00Z");
        String ics = download(finish(e, start(e, "ical")));
        Validators.assertOctetFolded(ics.getBytes(StandardCharsets.UTF_8));
        Map<String, Validators.Entry> parsed = Validators.ical4j(ics);
        assertEquals(first, parsed.get("session-" + (e + 10) + "@fmt" + e + ".openevent.local").start());
        assertEquals(first, Validators.python(ics).get("session-" + (e + 10) + "@fmt" + e + ".openevent.local").start());
        String xcal = download(finish(e, start(e, "xcal")));
        Validators.assertXcalSchema(xcal);
        assertEquals(4, Validators.biweeklyXml(xcal).size(), "the event and its three sessions");
        String jcal = download(finish(e, start(e, "jcal")));
        assertEquals(first, Validators.icalJs(jcal, true).get("session-" + (e + 10) + "@fmt" + e + ".openevent.local")
                .start());
        String pentabarf = download(finish(e, start(e, "pentabarf")));
        Validators.assertPentabarfSchema(pentabarf);
        assertTrue(pentabarf.contains("<event guid="), pentabarf);
        assertTrue(pentabarf.contains("<day index=\"2\" date=\"2027-10-31\""), "Lisbon's 31 October is day 2: " + pentabarf);
        assertTrue(pentabarf.contains("<room name=\"Auditorium\">"));
        given().header("Authorization", owner(e)).when().get("/v1/events/" + e + "/export/csv").then().statusCode(404);
        given().header("Authorization", owner(e)).when().get("/v1/events/" + e + "/export/json").then().statusCode(404);
    }

    @Test
    void plainJsonRoutesAcceptTheJsonApiMediaType() {
        long e = event(1);
        String taskUrl = given().header("Authorization", owner(e)).header("Accept", "application/vnd.api+json")
                .when().get("/v1/events/" + e + "/export/ical").then().statusCode(200).extract().path("task_url");
        finish(e, taskUrl);
        given().header("Authorization", owner(e)).header("Accept", "application/vnd.api+json").when().get(taskUrl)
                .then().statusCode(200).body("state", equalTo("SUCCESS"));
    }

    @Test
    void anUnchangedScheduleReusesItsFileAndAChangeRendersOneSession() {
        long e = event(40);
        JsonNode firstTask = finish(e, start(e, "ical"));
        String firstFile = fileOf(firstTask);
        long fragments = count("SELECT count(*) FROM session_fragment WHERE event_id = $1 AND format = 'ical'",
                Tuple.of(e));
        assertEquals(40, fragments, "one fragment per session");

        // Same schedule version: the task is finished when it is created, with the same file.
        String again = start(e, "ical");
        JsonNode reused = mapperRead(given().header("Authorization", owner(e)).when().get(again).asString());
        assertEquals("SUCCESS", reused.get("state").asText(), "no rendering needed");
        assertEquals(firstFile, fileOf(reused));

        // One session changes: the next export renders that one session and reuses the other 39 fragments.
        new Upstream(mapper, bootstrap).session(talk(e, 7, "Retitled talk"));
        JsonNode changed = finish(e, start(e, "ical"));
        assertNotEquals(firstFile, fileOf(changed));
        assertEquals(fragments + 1, count("SELECT count(*) FROM session_fragment WHERE event_id = $1 AND format = 'ical'",
                Tuple.of(e)));
        assertEquals(1, count("SELECT count(*) FROM session_fragment WHERE event_id = $1 AND format = 'ical' "
                + "AND superseded_at IS NOT NULL", Tuple.of(e)));
        String ics = download(changed);
        assertTrue(ics.contains("SUMMARY:Retitled talk"));
        assertEquals(41, Validators.ical4j(ics).size());
        // The first file still serves its version, byte for byte.
        assertTrue(download(firstTask).contains("SUMMARY:Talk 7\r\n"));
    }

    /**
     * Rounds of random changes (retitles, moves, withdrawals, deletions, new sessions, a renamed track), each
     * exported from the listing the previous plan left; every file lists what the test expects, and the last one
     * is byte for byte the file a whole pass over the listing makes.
     */
    @Test
    void aPlanBuiltFromTheLastListingAndTheChangesSinceEqualsAWholePass() {
        long e = event(24);
        Upstream up = new Upstream(mapper, bootstrap);
        Map<Long, Talk> talks = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            talks.put(e + 10 + i, talk(e, i, "Talk " + i));
        }
        Map<Long, String> expected = new HashMap<>();
        talks.forEach((id, talk) -> expected.put(id, "CONFIRMED " + talk.title()));
        assertListed(e, expected, download(finish(e, start(e, "ical"))));
        double startedFromMemory = listingLookups("hit");
        int added = 24;
        for (int round = 0; round < 4; round++) {
            for (int change = 0; change < 3; change++) {
                List<Long> ids = new ArrayList<>(talks.keySet());
                Talk talk = talks.get(ids.get(RANDOM.nextInt(ids.size())));
                Talk next = switch (RANDOM.nextInt(5)) {
                    case 0 -> retitled(talk, "Retitled " + round + "." + change);
                    case 1 -> {
                        long shift = RANDOM.nextInt(2000) - 1000;
                        yield talk.at(talk.startsAt().plusMinutes(shift), talk.endsAt().plusMinutes(shift));
                    }
                    case 2 -> talk.withState("rejected", true);
                    case 3 -> talk.deleted(OffsetDateTime.now());
                    default -> talk(e, added++, "Added " + round + "." + change);
                };
                up.session(next);
                talks.put(next.id(), next);
                if (next.deletedAt() != null || "rejected".equals(next.state())) {
                    // Exports keep a public session that went away as a cancellation.
                    expected.put(next.id(), "CANCELLED Cancelled: " + talk.title());
                    talks.remove(next.id());
                } else {
                    expected.put(next.id(), "CONFIRMED " + next.title());
                }
            }
            if (round == 2) {
                up.track(e + 3, e, "Main, renamed");
            }
            assertListed(e, expected, download(finish(e, start(e, "ical"))));
        }
        String planned = download(finish(e, start(e, "ical")));
        assertEquals(startedFromMemory + 4, listingLookups("hit"), "every changed schedule started from memory");

        listingMemory.clear();
        pool.preparedQuery("DELETE FROM export_file WHERE event_id = $1").execute(Tuple.of(e))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(planned, download(finish(e, start(e, "ical"))), "a whole pass plans the same file");
    }

    static Talk retitled(Talk talk, String title) {
        return new Talk(talk.id(), talk.eventId(), title, talk.state(), talk.wasPublic(), talk.startsAt(),
                talk.endsAt(), talk.trackId(), talk.roomId(), talk.typeId(), talk.speakerIds(), talk.deletedAt());
    }

    /** Asserts the calendar lists exactly the expected sessions, each with its status and title, in start order. */
    static void assertListed(long event, Map<Long, String> expected, String ics) {
        Map<String, Validators.Entry> parsed = Validators.ical4j(ics);
        Map<String, String> listed = new HashMap<>();
        parsed.forEach((uid, entry) -> {
            if (uid.startsWith("session-")) {
                listed.put(uid, entry.status() + " " + entry.summary());
            }
        });
        Map<String, String> wanted = new HashMap<>();
        expected.forEach((id, line) -> wanted.put("session-" + id + "@fmt" + event + ".openevent.local", line));
        assertEquals(wanted, listed);
        List<Instant> starts = new ArrayList<>();
        for (String block : ics.split("BEGIN:VEVENT")) {
            if (block.contains("UID:session-")) {
                String uid = block.substring(block.indexOf("UID:") + 4, block.indexOf("\r\n", block.indexOf("UID:")));
                starts.add(parsed.get(uid).start());
            }
        }
        List<Instant> sorted = new ArrayList<>(starts);
        sorted.sort(null);
        assertEquals(sorted, starts, "sessions in start order");
    }

    double listingLookups(String result) {
        return registry.counter("openevent.export.listing.memory.lookups", "result", result).count();
    }

    @Test
    void filesStreamAlikeFromKeptFragmentsAndFromTheDatabase() {
        long e = event(6);
        JsonNode task = finish(e, start(e, "ical"));
        String rendered = download(task);
        assertEquals(7, Validators.ical4j(rendered).size(), "the event and its six sessions");
        fragmentCache.clear();
        assertEquals(rendered, download(task), "read back from the database");
        pool.preparedQuery("DELETE FROM session_fragment WHERE event_id = $1").execute(Tuple.of(e))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(rendered, download(task), "kept by the previous download: the database is not read again");
    }

    @Test
    void aFreshFileStreamsFromTheFragmentsItsRenderKept() {
        long e = event(6);
        fragmentCache.clear();
        JsonNode task = finish(e, start(e, "ical"));
        pool.preparedQuery("DELETE FROM session_fragment WHERE event_id = $1").execute(Tuple.of(e))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(7, Validators.ical4j(download(task)).size(),
                "the first download streams what the render kept, without reading the database");
    }

    @Test
    void oldFilesAndTheFragmentsOnlyTheyUsedArePruned() {
        long e = event(2);
        Upstream up = new Upstream(mapper, bootstrap);
        String[] files = new String[5];
        JsonNode[] tasks = new JsonNode[5];
        for (int i = 0; i < files.length; i++) {
            up.session(talk(e, 0, "Version " + i));
            tasks[i] = finish(e, start(e, "ical"));
            files[i] = fileOf(tasks[i]);
        }
        // Nobody fetched the two oldest files for a day; everything superseded is older than the grace period.
        pool.preparedQuery("UPDATE export_file SET last_used_at = now() - interval '2 days' WHERE event_id = $1")
                .execute(Tuple.of(e)).await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("UPDATE export_file SET created_at = created_at - interval '2 hours' WHERE event_id = $1")
                .execute(Tuple.of(e)).await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("UPDATE session_fragment SET superseded_at = superseded_at - interval '2 hours' "
                + "WHERE event_id = $1 AND superseded_at IS NOT NULL").execute(Tuple.of(e))
                .await().atMost(Duration.ofSeconds(10));
        assertTrue(OnVertx.run(vertx, housekeeping::pruneFiles) >= 2);
        assertEquals(3, count("SELECT count(*) FROM export_file WHERE event_id = $1", Tuple.of(e)), "the newest three");
        assertNull(text("SELECT file_id FROM export_task WHERE file_id::text = $1", Tuple.of(files[0])));
        given().when().get(tasks[0].get("result").get("download_url").asText().substring(API.length()))
                .then().statusCode(404);
        long before = count("SELECT count(*) FROM session_fragment WHERE event_id = $1", Tuple.of(e));
        OnVertx.run(vertx, housekeeping::collectFragments);
        long after = count("SELECT count(*) FROM session_fragment WHERE event_id = $1", Tuple.of(e));
        // Version 0's fragment went. Version 1's stays: it was superseded while the oldest kept file was being
        // made, and only fragments superseded before a file began are known to be outside it.
        assertEquals(before - 1, after);
        for (int i = 2; i < files.length; i++) {
            assertTrue(download(tasks[i]).contains("SUMMARY:Version " + i + "\r\n"), "kept file " + i + " still streams");
        }
    }

    String fileOf(JsonNode task) {
        String url = task.get("result").get("download_url").asText();
        String taskId = url.substring((API + "/v1/exports/").length(), (API + "/v1/exports/").length() + 36);
        return text("SELECT file_id::text FROM export_task WHERE id = $1::uuid", Tuple.of(taskId));
    }

    JsonNode mapperRead(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
