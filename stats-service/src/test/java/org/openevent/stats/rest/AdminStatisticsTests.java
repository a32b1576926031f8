package org.openevent.stats.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openevent.stats.Messages.deleted;
import static org.openevent.stats.Messages.event;
import static org.openevent.stats.Messages.follow;
import static org.openevent.stats.Messages.grant;
import static org.openevent.stats.Messages.group;
import static org.openevent.stats.Messages.mail;
import static org.openevent.stats.Messages.nextId;
import static org.openevent.stats.Messages.now;
import static org.openevent.stats.Messages.session;
import static org.openevent.stats.Messages.taxonomy;
import static org.openevent.stats.Messages.user;
import static org.openevent.stats.Reads.admin;
import static org.openevent.stats.Reads.delta;
import static org.openevent.stats.Reads.today;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.testing.TestTokens;
import org.openevent.stats.Messages;
import org.openevent.stats.service.RollOver;

/**
 * The admin statistics as the frontend reads them, fed with the messages their producers publish, on the real
 * broker and database. Figures are platform-wide, so each test compares reads before and after its own messages.
 */
@QuarkusTest
class AdminStatisticsTests {

    static final List<String> SINGLETONS = List.of("events", "sessions", "users", "mails", "groups");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    RollOver rollOver;

    Messages messages;

    @BeforeEach
    void connect() {
        messages = new Messages(bootstrap, pool);
        messages.settle();
    }

    @AfterEach
    void disconnect() {
        messages.close();
    }

    // ---------------------------------------------------------------- documents and access

    @Test
    void singletonsAreForAdminsAndIgnoreFilterOptions() {
        for (String name : SINGLETONS) {
            String path = "/v1/admin/statistics/" + name;
            given().when().get(path).then().statusCode(401).body("errors[0].status", equalTo("401"));
            given().header("Authorization", "JWT " + TestTokens.expired(5)).when().get(path).then().statusCode(401);
            given().header("Authorization", "JWT not-a-token").when().get(path).then().statusCode(401);
            given().header("Authorization", "JWT " + TestTokens.user(5)).when().get(path).then().statusCode(403)
                    .body("errors[0].status", equalTo("403"));
            given().header("Authorization", "JWT " + TestTokens.admin(1))
                    .when().get(path + "?filterOptions[name]=id&filterOptions[op]=eq&filterOptions[val]=1")
                    .then().statusCode(200)
                    .contentType("application/vnd.api+json")
                    .body("data.type", equalTo("admin-statistics-" + name.substring(0, name.length() - 1)))
                    .body("data.id", equalTo("1"))
                    .body("data.links.self", equalTo(path))
                    .body("links.self", equalTo(path))
                    .body("jsonapi.version", equalTo("1.0"));
        }
    }

    @Test
    void singletonsCarryTheAttributesTheFrontendReads() {
        assertAttributes("events", "draft", "published", "past", "created-per-day");
        assertAttributes("sessions", "draft", "submitted", "accepted", "confirmed", "pending", "rejected", "withdrawn",
                "canceled", "submitted-per-day");
        assertAttributes("users", "super-admin", "admin", "verified", "unverified", "owner", "organizer",
                "coorganizer", "track-organizer", "attendee", "sign-ups-per-day");
        assertAttributes("mails", "one-day", "three-days", "seven-days", "thirty-days");
        assertAttributes("groups", "groups", "group-events", "followers");
        JsonPath users = admin("/users");
        assertEquals(0, users.getLong("data.attributes.attendee"));
        List<Map<String, Object>> days = users.getList("data.attributes.'sign-ups-per-day'");
        assertEquals(30, days.size());
        assertEquals(now().toLocalDate().minusDays(29).toString(), days.get(0).get("date"));
    }

    @Test
    void eventTypesAndTopicsAreForEverySignedInUser() {
        for (String path : List.of("/v1/admin/statistics/event-types", "/v1/admin/statistics/event-topics")) {
            given().when().get(path).then().statusCode(401);
            given().header("Authorization", "JWT " + TestTokens.user(5)).header("Accept", "application/vnd.api+json")
                    .when().get(path).then().statusCode(200).contentType("application/json")
                    .body("$", notNullValue());
        }
    }

    // ---------------------------------------------------------------- events

    @Test
    void eventsCountAsTheAdminListShowsThem() {
        JsonPath before = admin("/events");
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("state", "draft"));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("state", "draft")
                .put("endsAt", now().minusDays(3).toString()));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()));
        ObjectNode openEnded = event(nextId());
        openEnded.putNull("endsAt");
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, openEnded);
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("endsAt", now().minusDays(2).toString()));
        ObjectNode removed = event(nextId());
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, removed);
        messages.publish(MessageTypes.EVENT_UPSERTED, 2, deleted(removed.deepCopy()));
        ObjectNode removedPast = event(nextId()).put("endsAt", now().minusDays(2).toString());
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, deleted(removedPast));
        messages.settle();

        JsonPath after = admin("/events");
        assertEquals(2, delta(before, after, "draft"), "drafts, ended or not");
        assertEquals(2, delta(before, after, "published"), "published and not ended, or without an end");
        assertEquals(1, delta(before, after, "past"), "published and ended; deleted events count nowhere");
        assertEquals(7, today(after, "created-per-day") - today(before, "created-per-day"),
                "every event created today, deleted ones too");
    }

    @Test
    void aPublishedEventMovesIntoThePastWhenItEnds() throws Throwable {
        JsonPath before = admin("/events");
        long id = nextId();
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(id).put("endsAt", now().plusSeconds(3).toString()));
        messages.settle();
        JsonPath running = admin("/events");
        assertEquals(1, delta(before, running, "published"));
        assertEquals(0, delta(before, running, "past"));

        Messages.pause(3_500);
        JsonPath ended = admin("/events");
        assertEquals(0, delta(before, ended, "published"), "counted as past at once, before any roll-over");
        assertEquals(1, delta(before, ended, "past"));

        VertxContextSupport.subscribeAndAwait(() -> rollOver.run(now()));
        JsonPath rolled = admin("/events");
        assertEquals(0, delta(before, rolled, "published"), "the roll-over moves it once");
        assertEquals(1, delta(before, rolled, "past"));
        assertEquals("past", pool.preparedQuery("SELECT bucket FROM stat_event WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0));
    }

    @Test
    void olderAndRepeatedSnapshotsChangeNothing() {
        JsonPath before = admin("/events");
        long id = nextId();
        ObjectNode published = messages.publish(MessageTypes.EVENT_UPSERTED, 2, event(id));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(id).put("state", "draft"));
        messages.publish(published);
        messages.publish(MessageTypes.EVENT_UPSERTED, 2, event(id).put("state", "draft"));
        messages.settle();
        JsonPath after = admin("/events");
        assertEquals(1, delta(before, after, "published"));
        assertEquals(0, delta(before, after, "draft"), "an older version, a redelivery and a repeated version");
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void sessionsOfLiveEventsCountByState() {
        JsonPath before = admin("/sessions");
        long live = nextId();
        long removed = nextId();
        long unknown = nextId();
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(live).put("state", "draft"));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(removed));
        for (String state : List.of("draft", "pending", "accepted", "confirmed", "rejected", "withdrawn", "canceled")) {
            messages.publish(MessageTypes.SESSION_UPSERTED, 1, session(nextId(), live, state));
        }
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, deleted(session(nextId(), live, "accepted")));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, session(nextId(), removed, "accepted"));
        messages.publish(MessageTypes.SESSION_UPSERTED, 1, session(nextId(), unknown, "accepted"));
        messages.publish(MessageTypes.EVENT_UPSERTED, 2, deleted(event(removed)));
        messages.settle();

        JsonPath after = admin("/sessions");
        for (String state : List.of("draft", "pending", "accepted", "confirmed", "rejected", "withdrawn",
                "canceled")) {
            assertEquals(1, delta(before, after, state), state + ": only live sessions of live events");
        }
        assertEquals(6, delta(before, after, "submitted"), "every live session of a live event but the draft");
        assertEquals(9, today(after, "submitted-per-day") - today(before, "submitted-per-day"),
                "every session submitted today, deleted ones and those of deleted or unknown events too");

        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(unknown));
        messages.publish(MessageTypes.EVENT_UPSERTED, 2, event(live).put("state", "draft").put("name", "Renamed"));
        messages.settle();
        assertEquals(2, delta(before, admin("/sessions"), "accepted"),
                "a session whose event arrives late counts from then on");
    }

    // ---------------------------------------------------------------- users

    @Test
    void usersCountByKindAndRoleHolders() {
        JsonPath before = admin("/users");
        long superAdmin = nextId();
        long admin = nextId();
        long verified = nextId();
        long unverified = nextId();
        long removed = nextId();
        messages.publish(MessageTypes.USER_UPSERTED, 1, user(superAdmin).put("superAdmin", true).put("admin", true));
        messages.publish(MessageTypes.USER_UPSERTED, 1, user(admin).put("admin", true).put("verified", false));
        messages.publish(MessageTypes.USER_UPSERTED, 1, user(verified));
        messages.publish(MessageTypes.USER_UPSERTED, 1, user(unverified).put("verified", false));
        messages.publish(MessageTypes.USER_UPSERTED, 1, deleted(user(removed)));
        // verified owns two live events, unverified co-organizes one that is deleted, removed organizes a live one.
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, grant(grant(event(nextId()), verified, "owner"),
                unverified, "track_organizer"));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, grant(event(nextId()), verified, "owner"));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, deleted(grant(event(nextId()), unverified, "coorganizer")));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, grant(event(nextId()), removed, "organizer"));
        messages.settle();

        JsonPath after = admin("/users");
        assertEquals(1, delta(before, after, "super-admin"));
        assertEquals(1, delta(before, after, "admin"), "admins that are not super admins");
        assertEquals(1, delta(before, after, "verified"), "neither admins nor deleted");
        assertEquals(1, delta(before, after, "unverified"));
        assertEquals(1, delta(before, after, "owner"), "distinct users");
        assertEquals(1, delta(before, after, "track-organizer"));
        assertEquals(0, delta(before, after, "coorganizer"), "roles on deleted events do not count");
        assertEquals(0, delta(before, after, "organizer"), "deleted users do not count");
        assertEquals(0, delta(before, after, "attendee"));
        assertEquals(5, today(after, "sign-ups-per-day") - today(before, "sign-ups-per-day"),
                "every sign-up of today, deleted accounts too");

        messages.publish(MessageTypes.USER_UPSERTED, 2, deleted(user(verified)));
        messages.settle();
        JsonPath gone = admin("/users");
        assertEquals(0, delta(before, gone, "owner"), "a deleted user stops holding roles");
        assertEquals(0, delta(before, gone, "verified"));
    }

    // ---------------------------------------------------------------- mails

    @Test
    void mailsCountOnceInEachWindowTheyFallIn() {
        JsonPath before = admin("/mails");
        String recent = "mail-" + nextId();
        ObjectNode first = messages.publish(MessageTypes.MAIL_SENT, 1, mail(recent, now().minusHours(2)));
        messages.publish(MessageTypes.MAIL_SENT, 1, mail(recent, now().minusHours(2)));
        messages.publish(first);
        messages.publish(MessageTypes.MAIL_SENT, 1, mail("mail-" + nextId(), now().minusDays(2)));
        messages.publish(MessageTypes.MAIL_SENT, 1, mail("mail-" + nextId(), now().minusDays(5)));
        messages.publish(MessageTypes.MAIL_SENT, 1, mail("mail-" + nextId(), now().minusDays(20)));
        messages.publish(MessageTypes.MAIL_SENT, 1, mail("mail-" + nextId(), now().minusDays(40)));
        messages.settle();

        JsonPath after = admin("/mails");
        assertEquals(1, delta(before, after, "one-day"), "one mail, however often reported");
        assertEquals(2, delta(before, after, "three-days"));
        assertEquals(3, delta(before, after, "seven-days"));
        assertEquals(4, delta(before, after, "thirty-days"));
    }

    // ---------------------------------------------------------------- groups

    @Test
    void groupsCountLiveGroupsTheirLiveEventsAndFollowers() {
        JsonPath before = admin("/groups");
        long live = nextId();
        long removed = nextId();
        long follower = nextId();
        long unfollowed = nextId();
        long gone = nextId();
        for (long id : List.of(follower, unfollowed)) {
            messages.publish(MessageTypes.USER_UPSERTED, 1, user(id));
        }
        messages.publish(MessageTypes.USER_UPSERTED, 1, deleted(user(gone)));
        messages.publish(MessageTypes.GROUP_UPSERTED, 1, group(live));
        messages.publish(MessageTypes.GROUP_UPSERTED, 1, deleted(group(removed)));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("groupId", live));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, deleted(event(nextId()).put("groupId", live)));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("groupId", removed));
        messages.publish(MessageTypes.GROUP_FOLLOW_UPSERTED, 1, follow(nextId(), live, follower));
        messages.publish(MessageTypes.GROUP_FOLLOW_UPSERTED, 1, follow(nextId(), removed, follower));
        messages.publish(MessageTypes.GROUP_FOLLOW_UPSERTED, 1, deleted(follow(nextId(), live, unfollowed)));
        messages.publish(MessageTypes.GROUP_FOLLOW_UPSERTED, 1, follow(nextId(), live, gone));
        messages.settle();

        JsonPath after = admin("/groups");
        assertEquals(1, delta(before, after, "groups"));
        assertEquals(1, delta(before, after, "group-events"), "live events of live groups");
        assertEquals(1, delta(before, after, "followers"), "distinct live users following a live group");

        messages.publish(MessageTypes.GROUP_UPSERTED, 2, deleted(group(live)));
        messages.settle();
        JsonPath closed = admin("/groups");
        assertEquals(0, delta(before, closed, "groups"));
        assertEquals(0, delta(before, closed, "group-events"));
        assertEquals(0, delta(before, closed, "followers"));
    }

    // ---------------------------------------------------------------- event types and topics

    @Test
    void eventTypesListLiveTypesWithTheirLiveEvents() {
        long conference = nextId();
        long meetup = nextId();
        long retired = nextId();
        long topic = nextId();
        messages.publish(MessageTypes.EVENT_TYPE_UPSERTED, 1,
                taxonomy(conference, "event-type", "Conference " + conference));
        messages.publish(MessageTypes.EVENT_TYPE_UPSERTED, 1, taxonomy(meetup, "event-type", "Meetup " + meetup));
        messages.publish(MessageTypes.EVENT_TYPE_UPSERTED, 1, deleted(taxonomy(retired, "event-type", "Retired")));
        messages.publish(MessageTypes.EVENT_TOPIC_UPSERTED, 1, taxonomy(topic, "event-topic", "Science " + topic));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("eventTypeId", conference)
                .put("eventTopicId", topic));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("eventTypeId", conference)
                .put("state", "draft"));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, deleted(event(nextId()).put("eventTypeId", conference)));
        messages.publish(MessageTypes.EVENT_UPSERTED, 1, event(nextId()).put("eventTypeId", retired));
        messages.settle();

        String user = "JWT " + TestTokens.user(5);
        given().header("Authorization", user).when().get("/v1/admin/statistics/event-types").then().statusCode(200)
                .body("findAll { it.id == " + conference + " }", hasSize(1))
                .body("find { it.id == " + conference + " }.name", equalTo("Conference " + conference))
                .body("find { it.id == " + conference + " }.count", equalTo(2))
                .body("find { it.id == " + meetup + " }.count", equalTo(0))
                .body("findAll { it.id == " + retired + " }", hasSize(0));
        given().header("Authorization", user).when().get("/v1/admin/statistics/event-topics").then().statusCode(200)
                .body("find { it.id == " + topic + " }.count", equalTo(1));
    }

    private static void assertAttributes(String singleton, String... names) {
        Map<String, Object> attributes = admin("/" + singleton).getMap("data.attributes");
        assertEquals(List.of(names), List.copyOf(attributes.keySet()), singleton + " attributes, in order");
    }
}
