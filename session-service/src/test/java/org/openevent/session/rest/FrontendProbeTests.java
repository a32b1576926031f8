package org.openevent.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every filter, sort, include and sparse fieldset the Open Event Frontend sends for the schedule's resources
 * ({@code open-event-frontend.md} §1.4, §2(e), §2(f) and {@code frontend-requests.md}), written as the app writes
 * them, each expecting 200 and the right rows; and the malformed queries that must be 400s naming the parameter.
 */
@QuarkusTest
class FrontendProbeTests {

    static final String PUBLIC_STATES = "{\"or\":[{\"name\":\"state\",\"op\":\"eq\",\"val\":\"accepted\"},"
            + "{\"name\":\"state\",\"op\":\"eq\",\"val\":\"confirmed\"}]}";
    static final String SPEAKERS_WITH_PUBLIC_SESSIONS = "{\"name\":\"sessions\",\"op\":\"any\",\"val\":{\"and\":["
            + "{\"name\":\"deleted-at\",\"op\":\"eq\",\"val\":null},{\"or\":[{\"name\":\"state\",\"op\":\"eq\","
            + "\"val\":\"accepted\"},{\"name\":\"state\",\"op\":\"eq\",\"val\":\"confirmed\"}]}]}}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Scene scene;

    @BeforeEach
    void schedule() {
        if (scene == null) {
            scene = Scene.build(bootstrap);
        }
    }

    String events() {
        return "/v1/events/" + scene.event().id();
    }

    String identified() {
        return "/v1/events/" + scene.event().identifier();
    }

    @Test
    void publicEventPageProbesAndFeaturedSpeakers() {
        // Existence probes of every public page (frontend-requests.md: exhibitors, has-streams, sessions, speakers).
        app(null).queryParam("page[size]", 1).queryParam("filter", "[{\"name\":\"status\",\"op\":\"eq\",\"val\":\"accepted\"}]")
                .get(identified() + "/exhibitors").then().statusCode(200)
                .body("data.attributes.name", contains("Booth")).body("meta.count", equalTo(1));
        app(null).get(identified() + "/has-streams").then().statusCode(200)
                .contentType("application/json").body("exists", equalTo(true)).body("can_access", equalTo(false));
        app(scene.cast().coorganizerAuth()).get(identified() + "/has-streams").then().statusCode(200)
                .body("can_access", equalTo(true));
        app(null).queryParam("cache", "true").queryParam("public", "true").queryParam("fields[session]", "id")
                .queryParam("page[size]", 1).queryParam("filter", "[" + PUBLIC_STATES + "]")
                .get(identified() + "/sessions").then().statusCode(200)
                .body("meta.count", equalTo(3)).body("data[0].attributes.size()", equalTo(0));
        app(null).queryParam("cache", "true").queryParam("fields[speaker]", "id").queryParam("page[size]", 1)
                .queryParam("filter", "[" + SPEAKERS_WITH_PUBLIC_SESSIONS + "]")
                .get(identified() + "/speakers").then().statusCode(200).body("meta.count", equalTo(1))
                .body("data[0].id", equalTo(scene.ada()));
        // The pending proposal's speaker is known to its proposer, and still not by the filter (public states only).
        app(scene.cast().plainAuth()).queryParam("filter", "[" + SPEAKERS_WITH_PUBLIC_SESSIONS + "]")
                .get(identified() + "/speakers").then().statusCode(200).body("data.id", contains(scene.ada()));
        // Featured speakers of the event page, as strings and as JSON booleans.
        for (String featured : List.of("\"true\"", "true")) {
            app(null).queryParam("filter", "[{\"name\":\"is-featured\",\"op\":\"eq\",\"val\":" + featured + "},"
                            + SPEAKERS_WITH_PUBLIC_SESSIONS + "]")
                    .queryParam("sort", "order").queryParam("include", "sessions.track").queryParam("page[size]", 0)
                    .get(events() + "/speakers").then().statusCode(200)
                    .body("data.id", contains(scene.ada()))
                    .body("data[0].relationships.sessions.data.id", containsInAnyOrder(scene.keynote(), scene.dataDay()))
                    .body("included.findAll { it.type == 'track' }.attributes.name", containsInAnyOrder("Web", "Data"))
                    .body("included.findAll { it.type == 'session' }.id", not(hasItem(scene.proposal())));
        }
    }

    @Test
    void scheduleCalendarAndSessionsPage() {
        String calendar = "[{\"and\":[{\"name\":\"starts-at\",\"op\":\"ne\",\"val\":null},{\"name\":\"ends-at\","
                + "\"op\":\"ne\",\"val\":null}," + PUBLIC_STATES + "]}]";
        app(null).queryParam("include", "speakers,microlocation,track,microlocation.video-stream")
                .queryParam("filter", calendar).queryParam("page[size]", 0)
                .get(events() + "/sessions").then().statusCode(200)
                .body("data.attributes.title", containsInAnyOrder("Keynote", "Data day"))
                .body("included.find { it.type == 'video-stream' }.attributes.name", equalTo("Hall stream"))
                .body("included.find { it.type == 'video-stream' }.attributes", not(hasKey("url")))
                .body("included.find { it.type == 'microlocation' && it.id == '" + scene.hallA()
                        + "' }.relationships.video-stream.data.id", equalTo(scene.hallStream()));
        app(null).queryParam("sort", "position").get(events() + "/microlocations").then().statusCode(200)
                .body("data.attributes.name", contains("Hall B", "Hall A"));
        app(null).queryParam("fields[microlocation]", "id,name,video_stream,position,is_chat_enabled,chat_room_name,"
                        + "is_global_event_room").queryParam("fields[video-stream]", "id,name")
                .queryParam("include", "video-stream").get(events() + "/microlocations").then().statusCode(200)
                .body("data[0].attributes", not(hasKey("floor")))
                .body("included[0].attributes.keySet()", contains("name"));
        app(null).get(identified() + "/sessions/dates").then().statusCode(200).contentType("application/json")
                .body("$", contains("2027-05-01", "2027-05-02"));
        app(null).get(identified() + "/sessions/languages").then().statusCode(200).body("$", contains("English", "German"));
        app(scene.cast().plainAuth()).get(identified() + "/sessions/languages").then().statusCode(200)
                .body("$", contains("English", "French", "German"));
        app(null).queryParam("fields[session]", "starts-at").queryParam("page[size]", 0).queryParam("filter", calendar)
                .get(events() + "/sessions").then().statusCode(200).body("data[0].attributes.keySet()", contains("starts-at"));

        String page = events() + "/sessions";
        String include = "track,speakers,session-type,favourite,microlocation.video-stream";
        titles(null, page, include, "[{\"and\":[" + PUBLIC_STATES + "]},{\"and\":[{\"name\":\"starts-at\",\"op\":\"ge\","
                + "\"val\":\"2027-04-30T22:00:00.000Z\"},{\"name\":\"starts-at\",\"op\":\"le\",\"val\":"
                + "\"2027-05-01T22:00:00.000Z\"}]}]", "starts-at,id", "Keynote");
        titles(null, page, include, "[{\"name\":\"track\",\"op\":\"has\",\"val\":{\"or\":[{\"name\":\"name\","
                + "\"op\":\"eq\",\"val\":\"Web\"},{\"name\":\"name\",\"op\":\"eq\",\"val\":\"Data\"}]}}]", "starts-at,id",
                "Keynote", "Data day");
        titles(null, page, include, "[{\"and\":[{\"or\":[{\"name\":\"language\",\"op\":\"eq\",\"val\":\"German\"}]}]}]",
                "title,id", "Data day");
        titles(null, page, include, "[{\"name\":\"session-type\",\"op\":\"has\",\"val\":{\"or\":[{\"name\":\"name\","
                + "\"op\":\"eq\",\"val\":\"Talk\"}]}}]", "-starts-at,id", "Data day", "Keynote");
        titles(null, page, include, "[{\"or\":[{\"name\":\"level\",\"op\":\"eq\",\"val\":\"Beginner\"}]}]",
                "starts-at,id", "Keynote");
        titles(null, page, include, "[{\"name\":\"microlocation\",\"op\":\"has\",\"val\":{\"or\":[{\"name\":\"name\","
                + "\"op\":\"eq\",\"val\":\"Hall B\"}]}}]", "starts-at,id", "Data day");
        String search = "[{\"or\":[{\"name\":\"title\",\"op\":\"ilike\",\"val\":\"%%%1$s%%\"},{\"name\":\"track\","
                + "\"op\":\"has\",\"val\":{\"name\":\"name\",\"op\":\"ilike\",\"val\":\"%%%1$s%%\"}},{\"name\":"
                + "\"microlocation\",\"op\":\"has\",\"val\":{\"name\":\"name\",\"op\":\"ilike\",\"val\":\"%%%1$s%%\"}},"
                + "{\"name\":\"speakers\",\"op\":\"any\",\"val\":{\"name\":\"name\",\"op\":\"ilike\",\"val\":\"%%%1$s%%\"}}]}]";
        titles(null, page, include, search.formatted("lovelace"), "starts-at,id", "Keynote", "Data day");
        titles(null, page, include, search.formatted("hall a"), "starts-at,id", "Keynote");
        // "My schedule": my favourites only, and nobody else's.
        String mySchedule = "[{\"name\":\"favourites\",\"op\":\"any\",\"val\":{\"name\":\"user\",\"op\":\"has\",\"val\":"
                + "{\"name\":\"id\",\"op\":\"eq\",\"val\":\"" + scene.cast().plain() + "\"}}}]";
        titles(scene.cast().plainAuth(), page, include, mySchedule, "starts-at,id", "Keynote");
        titles(scene.cast().ownerAuth(), page, include, mySchedule, "starts-at,id");
        app(scene.cast().plainAuth()).queryParam("include", include).queryParam("sort", "starts-at,id")
                .get(page).then().statusCode(200)
                .body("data.find { it.id == '" + scene.keynote() + "' }.relationships.favourite.data.id",
                        equalTo(scene.favourite()))
                .body("data.find { it.id == '" + scene.dataDay() + "' }.relationships.favourite.data", nullValue());
        // "My sessions": the sessions of speakers with my address (the proposer's own speaker profile).
        String mySessions = "[{\"name\":\"speakers\",\"op\":\"any\",\"val\":{\"name\":\"email\",\"op\":\"eq\","
                + "\"val\":\"" + Programme.email(scene.cast().plain()) + "\"}}]";
        titles(scene.cast().plainAuth(), page, include, mySessions, "starts-at,id", "Proposal");
        titles(null, page, include, mySessions, "starts-at,id");
        // Relationship null comparisons and the rel__attr shortcut.
        titles(null, page, null, "[{\"name\":\"track\",\"op\":\"eq\",\"val\":null}]", "id", "Unscheduled");
        titles(null, page, null, "[{\"name\":\"track\",\"op\":\"ne\",\"val\":null}," + PUBLIC_STATES + "]",
                "starts-at,id", "Keynote", "Data day");
        titles(null, page, null, "[{\"name\":\"track__name\",\"op\":\"has\",\"val\":\"Data\"}]", "id", "Data day");
        titles(null, page, null, "[{\"name\":\"exhibitors\",\"op\":\"any\",\"val\":{\"name\":\"name\",\"op\":\"eq\","
                + "\"val\":\"Booth\"}}]", "id", "Keynote");
    }

    @Test
    void organizerSessionsListAndSessionViews() {
        String list = events() + "/sessions";
        app(scene.cast().ownerAuth()).queryParam("include", "speakers,feedbacks,session-type,track")
                .queryParam("filter", "[]").queryParam("sort", "-submitted-at").queryParam("page[size]", 25)
                .queryParam("page[number]", 1).get(list).then().statusCode(200)
                .body("meta.count", equalTo(4))
                .body("data.find { it.id == '" + scene.keynote() + "' }.attributes.average-rating", equalTo(4.0f))
                .body("data.find { it.id == '" + scene.keynote() + "' }.attributes.rating-count", equalTo(1))
                .body("data.find { it.id == '" + scene.keynote() + "' }.attributes.favourite-count", equalTo(1))
                .body("included.find { it.type == 'feedback' }.attributes.comment", equalTo("Great"));
        String search = "[{\"or\":[{\"name\":\"title\",\"op\":\"ilike\",\"val\":\"%web%\"},{\"name\":\"track\",\"op\":"
                + "\"has\",\"val\":{\"name\":\"name\",\"op\":\"ilike\",\"val\":\"%web%\"}},{\"name\":\"speakers\","
                + "\"op\":\"any\",\"val\":{\"name\":\"name\",\"op\":\"ilike\",\"val\":\"%web%\"}}]}]";
        titles(scene.cast().ownerAuth(), list, "speakers,feedbacks,session-type,track", search, "starts-at", "Keynote",
                "Proposal");
        titles(scene.cast().ownerAuth(), list, null, "[{\"name\":\"state\",\"op\":\"eq\",\"val\":\"pending\"}]",
                "id", "Proposal");
        for (String sort : List.of("id", "-id", "title", "-title", "starts-at", "-starts-at", "ends-at", "state",
                "submitted-at", "-submitted-at", "created-at", "-average-rating", "-favourite-count", "language")) {
            app(scene.cast().ownerAuth()).queryParam("sort", sort).get(list).then().statusCode(200)
                    .body("meta.count", equalTo(4));
        }
        // The state matrix the list's dropdown reads, with the loader's Accept header.
        app(null).accept("application/vnd.api+json").get("/v1/sessions/states").then().statusCode(200)
                .contentType("application/json").body("organizer.draft.keySet()", empty())
                .body("organizer.pending.accepted", equalTo(true));
        // The organizer's own ratings: feedbacks of the user whose session belongs to this event.
        app(scene.cast().plainAuth()).queryParam("include", "session").queryParam("filter",
                        "[{\"name\":\"session\",\"op\":\"has\",\"val\":{\"name\":\"event\",\"op\":\"has\",\"val\":"
                                + "{\"name\":\"identifier\",\"op\":\"eq\",\"val\":\"" + scene.event().identifier() + "\"}}}]")
                .get("/v1/users/" + scene.cast().plain() + "/feedbacks").then().statusCode(200)
                .body("data.id", contains(scene.feedback()))
                .body("included[0].id", equalTo(scene.keynote()));
        // The speaker's and the public session views.
        String session = "/v1/sessions/" + scene.proposal();
        app(scene.cast().plainAuth()).queryParam("include", "session-type,speakers,track,event,speaker-invites")
                .get(session).then().statusCode(200)
                .body("data.relationships.speaker-invites.data.id", contains(scene.invite()))
                .body("included.find { it.type == 'event' }.id", equalTo(String.valueOf(scene.event().id())))
                .body("included.find { it.type == 'speaker-invite' }.attributes.email", equalTo(Scene.FRIEND));
        app(null).queryParam("include", "session-type,speakers,track,event,favourite")
                .get("/v1/sessions/" + scene.keynote()).then().statusCode(200)
                .body("data.relationships.favourite.data", nullValue())
                .body("data.attributes.signup-url", nullValue())
                .body("data.attributes.is-locked", equalTo(false));
        app(null).queryParam("include", "session-type,speakers,track,microlocation,event,creator")
                .get("/v1/sessions/" + scene.keynote()).then().statusCode(200)
                .body("included.type", hasItem("user"));
        app(scene.cast().plainAuth()).queryParam("include", "user").queryParam("page[size]", 0)
                .get("/v1/sessions/" + scene.keynote() + "/favourites").then().statusCode(200)
                .body("data.id", contains(scene.favourite()))
                .body("included[0].id", equalTo(String.valueOf(scene.cast().plain())));
        app(null).queryParam("include", "user").queryParam("page[size]", 0)
                .get("/v1/sessions/" + scene.keynote() + "/favourites").then().statusCode(200).body("meta.count", equalTo(0));
        app(null).get("/v1/sessions/" + scene.keynote() + "/event").then().statusCode(200).body("data.type", equalTo("event"));
        app(null).get("/v1/sessions/" + scene.keynote() + "/microlocation").then().statusCode(200)
                .body("data.attributes.name", equalTo("Hall A"));
        app(scene.cast().plainAuth()).queryParam("include", "session-type,track").get(session).then().statusCode(200);
        app(null).queryParam("include", "sessions,event").get("/v1/speakers/" + scene.ada()).then().statusCode(200)
                .body("data.relationships.sessions.data.id", containsInAnyOrder(scene.keynote(), scene.dataDay()));
    }

    @Test
    void mySessionsAndCallForSpeakers() {
        String upcoming = "[{\"or\":[{\"name\":\"starts-at\",\"op\":\"ge\",\"val\":\"2027-01-01T00:00:00.000Z\"},"
                + "{\"and\":[{\"name\":\"starts-at\",\"op\":\"eq\",\"val\":null},{\"name\":\"ends-at\",\"op\":\"eq\","
                + "\"val\":null},{\"name\":\"event\",\"op\":\"has\",\"val\":{\"name\":\"starts-at\",\"op\":\"ge\","
                + "\"val\":\"2027-01-01T00:00:00.000Z\"}}]}]}]";
        String mine = "/v1/users/" + scene.cast().plain() + "/sessions";
        app(scene.cast().plainAuth()).queryParam("page[size]", 10).queryParam("page[number]", 1)
                .queryParam("include", "event").queryParam("filter", upcoming).queryParam("sort", "starts-at")
                .get(mine).then().statusCode(200)
                .body("data.attributes.title", contains("Proposal"))
                .body("included[0].type", equalTo("event"));
        app(scene.cast().plainAuth()).queryParam("filter", "[{\"name\":\"ends-at\",\"op\":\"lt\",\"val\":"
                + "\"2027-01-01T00:00:00.000Z\"}]").get(mine).then().statusCode(200).body("meta.count", equalTo(0));
        app(scene.cast().ownerAuth()).queryParam("filter", upcoming).get("/v1/users/" + scene.cast().owner() + "/sessions")
                .then().statusCode(200).body("data.attributes.title", containsInAnyOrder("Keynote", "Data day", "Unscheduled"));
        app(scene.cast().plainAuth()).get("/v1/users/" + scene.cast().plain() + "/speakers").then().statusCode(200)
                .body("data.id", contains(scene.plainSpeaker()));
        // Call for speakers: my speaker profile, my invitations, my sessions, by my address.
        String me = Programme.email(scene.cast().plain());
        app(scene.cast().plainAuth()).queryParam("filter", "[{\"name\":\"email\",\"op\":\"eq\",\"val\":\"" + me + "\"}]")
                .get(identified() + "/speakers").then().statusCode(200).body("data.id", contains(scene.plainSpeaker()));
        app(null).queryParam("filter", "[{\"name\":\"email\",\"op\":\"eq\",\"val\":\"" + me + "\"}]")
                .get(identified() + "/speakers").then().statusCode(200).body("meta.count", equalTo(0));
        app(scene.cast().plainAuth()).queryParam("filter", "[{\"and\":[{\"name\":\"email\",\"op\":\"eq\",\"val\":\""
                        + Scene.FRIEND + "\"},{\"name\":\"status\",\"op\":\"eq\",\"val\":\"pending\"}]}]")
                .queryParam("include", "event,session").get(identified() + "/speaker-invites").then().statusCode(200)
                .body("data.id", contains(scene.invite()));
        app(scene.cast().plainAuth()).queryParam("filter", "[{\"name\":\"speakers\",\"op\":\"any\",\"val\":"
                        + "{\"name\":\"email\",\"op\":\"eq\",\"val\":\"" + me + "\"}}]")
                .get(identified() + "/sessions").then().statusCode(200).body("data.id", contains(scene.proposal()));
        // Dredd's sort on an event's speakers.
        app(null).queryParam("sort", "speaking-experience").get(events() + "/speakers").then().statusCode(200)
                .body("data.attributes.name", contains("Ada Lovelace", "Pat Plain"));
        app(null).queryParam("page[size]", 0).get(events() + "/tracks").then().statusCode(200).body("meta.count", equalTo(2));
        app(null).queryParam("page[size]", 0).get(events() + "/session-types").then().statusCode(200)
                .body("meta.count", equalTo(1));
        app(scene.cast().ownerAuth()).queryParam("include", "sessions").queryParam("sort", "order").queryParam("filter", "[]")
                .queryParam("page[size]", 10).queryParam("page[number]", 1).get(events() + "/speakers").then()
                .statusCode(200).body("meta.count", equalTo(2)).body("data[0].attributes.email", equalTo(me));
    }

    @Test
    void malformedQueriesAre400sNamingTheParameter() {
        String list = events() + "/sessions";
        bad(app(null).queryParam("page[limit]", 5).get(list).then(), "page[limit]");
        bad(app(null).queryParam("filter", "{\"name\":\"title\",\"op\":\"eq\",\"val\":\"x\"}").get(list).then(), "filter");
        bad(app(null).queryParam("filter", "[{\"name\":\"title\",\"op\":\"eq\"}]").get(list).then(), "filter");
        bad(app(null).queryParam("filter", "[{\"name\":\"track\",\"op\":\"any\",\"val\":{\"name\":\"name\",\"op\":"
                + "\"eq\",\"val\":\"Web\"}}]").get(list).then(), "filter");
        bad(app(null).queryParam("filter", "[{\"name\":\"nonsense\",\"op\":\"eq\",\"val\":1}]").get(list).then(), "filter");
        bad(app(null).queryParam("fields[session]", "title,nonsense").get(list).then(), "fields[session]");
        bad(app(null).queryParam("include", "track").queryParam("fields[track]", "colour").get(list).then(),
                "fields[track]");
        bad(app(null).queryParam("sort", "nonsense").get(list).then(), "sort");
        bad(app(null).queryParam("sort", "short-abstract").get(list).then(), "sort");
        bad(app(null).queryParam("include", "nonsense").get(list).then(), "include");
        bad(app(null).queryParam("page[size]", "x").get(list).then(), "page[size]");
        app(null).queryParam("filter", "[{\"or\":[]}]").queryParam("nocache", "true").queryParam("upcoming", "true")
                .get(list).then().statusCode(200).body("meta.count", equalTo(3));
    }

    private static void bad(ValidatableResponse response, String parameter) {
        response.statusCode(400).body("errors[0].source.parameter", equalTo(parameter));
    }

    private static void titles(String auth, String path, String include, String filter, String sort,
                               String... expected) {
        RequestSpecification request = app(auth).queryParam("filter", filter).queryParam("sort", sort)
                .queryParam("page[size]", 6).queryParam("page[number]", 1);
        if (include != null) {
            request.queryParam("include", include);
        }
        request.get(path).then().statusCode(200).body("data.attributes.title", equalTo(List.of(expected)))
                .body("meta.count", equalTo(expected.length));
    }

    /** A request with the headers the frontend sends on every call. */
    static RequestSpecification app(String auth) {
        RequestSpecification request = given().header("Content-Type", Programme.JSONAPI)
                .header("Accept", Programme.JSONAPI);
        return auth == null ? request : request.header("Authorization", auth);
    }
}
