package org.openevent.session.rest;

import static org.openevent.session.rest.Programme.body;
import static org.openevent.session.rest.Programme.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openevent.common.testing.TestTokens;
import org.openevent.session.rest.Programme.Cast;
import org.openevent.session.rest.Programme.TestEvent;

/**
 * A complete published schedule to test against: the cast of the event (plus an organizer and a track organizer),
 * two tracks, two rooms (one streaming), a session type, speakers, sessions in public and non-public states,
 * feedback, a favourite, an invitation, exhibitors and the event's own stream.
 */
record Scene(TestEvent event, Cast cast, long organizer, long trackOrganizer, String web, String data, String hallA,
             String hallB, String talk, String hallStream, String mainStage, String ada, String plainSpeaker,
             String keynote, String dataDay, String proposal, String unscheduled, String feedback, String favourite,
             String invite, String booth, String pendingBooth) {

    static final String FRIEND = "friend@example.org";

    static Scene build(String bootstrap) {
        Cast cast = Cast.random();
        long organizer = Programme.largeId();
        long trackOrganizer = Programme.largeId();
        TestEvent event = Programme.event(bootstrap, "published", cast,
                Map.of(organizer, "organizer", trackOrganizer, "track_organizer"));
        String owner = cast.ownerAuth();
        long id = event.id();
        String web = create(owner, "tracks", body("track", id, "\"name\": \"Web\", \"color\": \"#112233\""));
        String data = create(owner, "tracks", body("track", id, "\"name\": \"Data\", \"color\": \"#445566\""));
        String hallA = create(owner, "microlocations", body("microlocation", id, "\"name\": \"Hall A\", \"position\": 1"));
        // A room's stream names its rooms only: it joins their event.
        String hallStream = create(owner, "video-streams", """
                {"data": {"type": "video-stream", "attributes": {"name": "Hall stream",
                  "url": "https://stream.example.org/hall", "password": "s3cret"},
                  "relationships": {"rooms": {"data": [%s]}}}}""".formatted(ref("microlocation", hallA)));
        String hallB = create(owner, "microlocations", body("microlocation", id, "\"name\": \"Hall B\", \"position\": 0"));
        String talk = create(owner, "session-types", body("session-type", id, "\"name\": \"Talk\", \"length\": \"00:45\""));
        String mainStage = create(owner, "video-streams", body("video-stream", id,
                "\"name\": \"Main stage\", \"url\": \"https://stream.example.org/main\""));
        String ada = create(owner, "speakers", body("speaker", id, """
                "name": "Ada Lovelace", "email": "ada@example.org", "is-featured": true, "order": 1,
                "speaking-experience": "Analytical engines\""""));
        String plainSpeaker = create(cast.plainAuth(), "speakers", body("speaker", id,
                "\"name\": \"Pat Plain\", \"speaking-experience\": \"Beginner\""));
        String keynote = create(owner, "sessions", with(session(id, "Keynote", "accepted", "2027-05-01T10:00:00Z",
                "2027-05-01T10:45:00Z", "English", "Beginner"), placed(web, hallA, talk, ada)));
        String dataDay = create(owner, "sessions", with(session(id, "Data day", "confirmed", "2027-05-02T09:00:00Z",
                "2027-05-02T10:00:00Z", "German", "Advanced"), placed(data, hallB, talk, ada)));
        String proposal = create(cast.plainAuth(), "sessions", with(session(id, "Proposal", "pending",
                "2027-05-01T14:00:00Z", "2027-05-01T14:30:00Z", "French", "Expert"),
                "\"track\": " + one("track", web) + ", \"speakers\": {\"data\": [" + ref("speaker", plainSpeaker) + "]}"));
        String unscheduled = create(owner, "sessions", body("session", id, "\"title\": \"Unscheduled\", \"state\": \"accepted\""));
        String feedback = create(cast.plainAuth(), "feedbacks", """
                {"data": {"type": "feedback", "attributes": {"rating": 4, "comment": "Great"},
                  "relationships": {"session": %s, "user": {"data": {"type": "user", "id": "%d"}}}}}"""
                .formatted(one("session", keynote), cast.plain()));
        String favourite = create(cast.plainAuth(), "user-favourite-sessions",
                "{\"data\": {\"type\": \"user-favourite-session\", \"relationships\": {\"session\": "
                        + one("session", keynote) + "}}}");
        String invite = create(cast.plainAuth(), "speaker-invites", with(body("speaker-invite", id,
                "\"email\": \"" + FRIEND + "\", \"status\": \"pending\""), "\"session\": " + one("session", proposal)));
        String booth = create(owner, "exhibitors", with(body("exhibitor", id,
                "\"name\": \"Booth\", \"status\": \"accepted\", \"position\": 1"),
                "\"sessions\": {\"data\": [" + ref("session", keynote) + "]}"));
        String pendingBooth = create(owner, "exhibitors", body("exhibitor", id, "\"name\": \"Maybe booth\""));
        return new Scene(event, cast, organizer, trackOrganizer, web, data, hallA, hallB, talk, hallStream, mainStage,
                ada, plainSpeaker, keynote, dataDay, proposal, unscheduled, feedback, favourite, invite, booth,
                pendingBooth);
    }

    String organizerAuth() {
        return "JWT " + TestTokens.user(organizer);
    }

    String trackOrganizerAuth() {
        return "JWT " + TestTokens.user(trackOrganizer);
    }

    /** Every caller of the authorization matrix, by name, with their Authorization header (null: anonymous). */
    Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("user", cast.plainAuth());
        callers.put("other-organizer", cast.otherOrganizerAuth());
        callers.put("track-organizer", trackOrganizerAuth());
        callers.put("coorganizer", cast.coorganizerAuth());
        callers.put("organizer", organizerAuth());
        callers.put("owner", cast.ownerAuth());
        callers.put("admin", cast.adminAuth());
        return callers;
    }

    static String create(String auth, String collection, String body) {
        return post(auth, "/v1/" + collection, body).statusCode(201).extract().path("data.id");
    }

    static String session(long eventId, String title, String state, String startsAt, String endsAt, String language,
                          String level) {
        return body("session", eventId, """
                "title": "%s", "state": "%s", "starts-at": "%s", "ends-at": "%s", "language": "%s", "level": "%s",
                "short-abstract": "About %s\"""".formatted(title, state, startsAt, endsAt, language, level, title));
    }

    static String placed(String track, String room, String type, String speaker) {
        return "\"track\": " + one("track", track) + ", \"microlocation\": " + one("microlocation", room)
                + ", \"session-type\": " + one("session-type", type) + ", \"speakers\": {\"data\": ["
                + ref("speaker", speaker) + "]}";
    }

    /** Adds relationships to a POST body built by {@link Programme#body}. */
    static String with(String body, String relationships) {
        return body.replace("\"relationships\": {", "\"relationships\": {" + relationships + ", ");
    }

    static String one(String type, String id) {
        return "{\"data\": " + ref(type, id) + "}";
    }

    static String ref(String type, String id) {
        return "{\"type\": \"" + type + "\", \"id\": \"" + id + "\"}";
    }
}
