package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people and things the matrix is played with: one account per {@link Caller}, a published event and a
 * draft owned by {@code owner} (with {@code org} and {@code coorg} holding those roles on both), another event
 * owned by {@code other}, a schedule in each (the published one with the {@code speaker}'s speaker record and
 * proposal), and an export of the published event. Subjects name them in routes.tsv.
 */
final class World {

    static final String MISSING_ID = "987654321";
    static final String MISSING_TASK = "00000000-0000-4000-8000-000000000000";
    static final String JSON_API = Answer.JSON_API;
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final List<String> SCHEDULE = List.of("track", "microlocation", "session-type", "speaker", "session");
    private static final Set<Caller> NO_ROLE = EnumSet.of(Caller.ANONYMOUS, Caller.USER, Caller.SPEAKER,
            Caller.OTHER_ORGANIZER, Caller.DELETED);
    /** Collections only admins create (the rest are created by the owner, in the published event). */
    private static final Set<String> ADMINS_CREATE = Set.of("event-types", "event-topics", "event-sub-topics", "roles",
            "pages");
    /**
     * Collections whose fresh rows need a fresh parent: an event holds one copyright and one call for speakers, a
     * user gives one feedback on a session, stars it once and follows a group once.
     */
    private static final Map<String, String> FRESH_PARENT = Map.of("event-copyrights", "events", "speakers-calls",
            "events", "feedbacks", "sessions", "user-favourite-sessions", "sessions", "user-follow-groups", "groups");
    /** Singletons: a subject named like the type, for the one row's id. */
    private static final Map<String, String> SINGLETONS = Map.of("setting", "1", "event-image-size", "1",
            "speaker-image-size", "2");

    /** A signed-up account: its id, credentials and a token (null for the anonymous caller). */
    record Member(String id, String email, String password, String token) {
    }

    /**
     * What a subject fills in: the path variables in order, a query string to append (or ""), and the placeholders
     * of sample bodies.
     */
    record Binding(List<String> path, String query, Map<String, String> placeholders) {

        String target(String template) {
            Matcher variable = VARIABLE.matcher(template);
            StringBuilder target = new StringBuilder();
            int i = 0;
            while (variable.find()) {
                if (i >= path.size()) {
                    throw new IllegalArgumentException(template + " has more variables than its subject fills");
                }
                variable.appendReplacement(target, Matcher.quoteReplacement(path.get(i++)));
            }
            variable.appendTail(target);
            return target + query;
        }

        /** The same binding with {@code value} in path variable {@code index}. */
        Binding withPath(int index, String value) {
            List<String> changed = new ArrayList<>(path);
            changed.set(index, value);
            return new Binding(changed, query, placeholders);
        }
    }

    /** A subject strangers must not be able to tell apart from one that does not exist. */
    record Secret(String subject, Set<Caller> strangers) {
    }

    private final Http http;
    private final Databases databases;
    private final Samples samples;
    private final Map<Caller, Member> cast = new EnumMap<>(Caller.class);
    private final Map<String, Binding> subjects = new LinkedHashMap<>();
    /** The rows of {@code one:<collection>} subjects, created on first use. */
    private final Map<String, Binding> shared = new HashMap<>();
    private final Map<String, String> common = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    World(Http http, Databases databases, Samples samples) {
        this.http = http;
        this.databases = databases;
        this.samples = samples;
    }

    // ------------------------------------------------------------------ building

    /** Creates everything; the problems met are returned (the suite cannot judge routes without its world). */
    List<String> build() {
        cast.put(Caller.ANONYMOUS, new Member(MISSING_ID, null, null, null));
        cast.put(Caller.ADMIN, login("admin", Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD));
        for (Caller caller : List.of(Caller.USER, Caller.SPEAKER, Caller.OTHER_ORGANIZER, Caller.COORGANIZER,
                Caller.ORGANIZER, Caller.OWNER, Caller.DELETED)) {
            cast.put(caller, signUp(caller.column));
        }
        common.put("user-email", cast.get(Caller.USER).email());
        common.put("user-password", cast.get(Caller.USER).password());
        Member deleted = cast.get(Caller.DELETED);
        expect(200, send(Request.of("DELETE", "/v1/users/" + deleted.id()).token(deleted.token())),
                "the deleted caller deletes its own account");

        String event = createEvent(Caller.OWNER, "published");
        String draft = createEvent(Caller.OWNER, "draft");
        String otherEvent = createEvent(Caller.OTHER_ORGANIZER, "published");
        subjects.put("event", binding(event, event));
        subjects.put("draft", binding(draft, draft));
        subjects.put("other-event", binding(otherEvent, otherEvent));
        subjects.put("export", new Binding(List.of(event, "ical"), "", placeholders(event)));
        subjects.put("draft-export", new Binding(List.of(draft, "ical"), "", placeholders(draft)));
        common.put("event", event);
        for (String id : List.of(event, draft)) {
            grant(id, Caller.ORGANIZER, "organizer");
            grant(id, Caller.COORGANIZER, "coorganizer");
            // An empty PATCH publishes a snapshot, which now carries the grants, to every service.
            expect(200, send(Request.of("PATCH", "/v1/events/" + id).token(token(Caller.OWNER)).json(JSON_API,
                    "{\"data\": {\"type\": \"event\", \"id\": \"" + id + "\", \"attributes\": {}}}")), "event snapshot");
        }
        String grant = databases.first("event-service", "select id from event_role where event_id = ? and user_id = ? "
                + "and role = 'coorganizer'", Long.parseLong(event), Long.parseLong(cast.get(Caller.COORGANIZER).id()));
        subjects.put("grant", binding(grant == null ? MISSING_ID : grant, event));
        await("session-service to know the events", () -> send(Request.of("GET", "/v1/events/" + draft + "/tracks")
                .token(token(Caller.COORGANIZER))).status() == 200
                && send(Request.of("GET", "/v1/events/" + event + "/tracks")).status() == 200);

        schedule(event, "", Caller.OWNER);
        schedule(draft, "draft-", Caller.OWNER);
        for (String kind : List.of("track", "microlocation", "session-type")) {
            common.put(kind, subjects.get(kind).path().get(0));
        }
        String speaker = create("speakers", Caller.SPEAKER, event, Map.of());
        subjects.put("speaker", binding(speaker, event));
        common.put("speaker", speaker);
        subjects.put("proposal", own("session", binding(create("sessions", Caller.SPEAKER, event,
                Map.of("speakers", speaker)), event)));
        String accepted = create("sessions", Caller.OWNER, event, Map.of("track", common.get("track"),
                "microlocation", common.get("microlocation"), "session-type", common.get("session-type"),
                "speakers", speaker));
        expect(200, send(Request.of("PATCH", "/v1/sessions/" + accepted).token(token(Caller.OWNER)).json(JSON_API,
                "{\"data\": {\"type\": \"session\", \"id\": \"" + accepted + "\", \"attributes\": {\"state\": "
                        + "\"accepted\"}}}")), "accept the session");
        subjects.put("session", own("session", binding(accepted, event)));
        common.put("session", accepted);
        for (Caller caller : Caller.values()) {
            subjects.put("user:" + caller.column, binding(cast.get(caller).id(), event));
        }
        common.put("group", create("groups", Caller.OWNER, event, Map.of()));
        common.put("event-topic", create("event-topics", Caller.ADMIN, event, Map.of()));
        SINGLETONS.forEach((type, id) -> subjects.put(type, binding(id, event)));
        subjects.put("check-email", binding("check_email", event));
        export(event);
        mail(event);
        return problems;
    }

    private Member signUp(String role) {
        String email = "conformance-" + role + "-" + samples.unique() + "@example.org";
        String password = "conformance secret " + role;
        Answer created = send(Request.of("POST", "/v1/users").json(JSON_API, """
                {"data": {"type": "user", "attributes": {"email": "%s", "password": "%s"}}}""".formatted(email,
                password)));
        expect(201, created, "sign up " + role);
        Member member = login(role, email, password);
        return new Member(created.json() == null ? MISSING_ID : created.json().path("data").path("id").asText(),
                email, password, member.token());
    }

    private Member login(String role, String email, String password) {
        Answer answer = send(Request.of("POST", "/v1/auth/login").json("application/json",
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
        expect(200, answer, "log in " + role);
        String token = answer.json() == null ? null : answer.json().path("access_token").asText(null);
        String id = token == null ? MISSING_ID : identity(token);
        return new Member(id, email, password, token);
    }

    /** The {@code identity} claim of a token. */
    private static String identity(String token) {
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return Answer.JSON.readTree(payload).path("identity").asText();
        } catch (java.io.IOException | RuntimeException e) {
            return MISSING_ID;
        }
    }

    private String createEvent(Caller owner, String state) {
        Answer answer = send(Request.of("POST", "/v1/events").token(token(owner)).json(JSON_API, """
                {"data": {"type": "event", "attributes": {"name": "Conformance %s %s", "state": "%s",
                 "timezone": "Europe/Berlin", "starts-at": "2027-05-04T09:00:00+02:00",
                 "ends-at": "2027-05-05T18:00:00+02:00", "is-sessions-speakers-enabled": true,
                 "is-sponsors-enabled": true}}}"""
                .formatted(state, samples.unique(), state)));
        expect(201, answer, "create a " + state + " event");
        return idOf(answer);
    }

    /**
     * Role grants are not offered as a resource yet (role invitations are being built in the events branch), so
     * the suite writes them into event-service's table; the owner's next change publishes them.
     */
    private void grant(String event, Caller member, String role) {
        databases.execute("event-service", "insert into event_role (event_id, user_id, role) values (?, ?, ?) on conflict do nothing",
                Long.parseLong(event), Long.parseLong(cast.get(member).id()), role);
    }

    /** A track, room, session type, speaker and draft session in the event, named {@code prefix + kind}. */
    private void schedule(String event, String prefix, Caller as) {
        for (String kind : SCHEDULE) {
            subjects.put(prefix + kind, own(kind, binding(create(collectionOf(kind), as, event, Map.of()), event)));
        }
    }

    /** Creates a row from its collection's sample; {@code links} are extra relationships (name to id). */
    String create(String collection, Caller as, String event, Map<String, String> links) {
        return create(collection, as, placeholders(event), links);
    }

    private String create(String collection, Caller as, Map<String, String> placeholders, Map<String, String> links) {
        String body = samples.body("POST /v1/" + collection, placeholders)
                .orElseThrow(() -> new IllegalStateException("bodies.json has no sample for POST /v1/" + collection));
        if (!links.isEmpty()) {
            JsonNode document = parse(body);
            var relationships = ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("data"))
                    .withObject("relationships");
            links.forEach((name, id) -> {
                String type = name.equals("speakers") ? "speaker" : name;
                var data = Answer.JSON.createObjectNode().put("type", type).put("id", id);
                relationships.putObject(name).set("data", name.equals("speakers")
                        ? Answer.JSON.createArrayNode().add(data) : data);
            });
            body = document.toString();
        }
        Answer answer = send(Request.of("POST", "/v1/" + collection).token(token(as)).json(JSON_API, body));
        expect(201, answer, "create in /v1/" + collection + " as " + as.column);
        return idOf(answer);
    }

    private void export(String event) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String taskUrl = null;
        while (taskUrl == null && System.nanoTime() < deadline) {
            Answer started = send(Request.of("GET", "/v1/events/" + event + "/export/ical").token(token(Caller.OWNER)));
            if (started.status() == 200 && started.json() != null) {
                taskUrl = started.json().path("task_url").asText();
            } else {
                Http.sleep(500);
            }
        }
        if (taskUrl == null) {
            problems.add("the owner could not start an export of the published event");
            return;
        }
        String taskPath = taskUrl;
        String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
        subjects.put("task", new Binding(List.of(taskId), "", common));
        String[] download = new String[1];
        await("the export to finish", () -> {
            JsonNode task = send(Request.of("GET", taskPath).token(token(Caller.OWNER))).json();
            download[0] = task == null ? null : task.path("result").path("download_url").asText(null);
            return task != null && "SUCCESS".equals(task.path("state").asText());
        });
        if (download[0] == null) {
            problems.add("the export of the published event did not succeed");
            return;
        }
        String[] pathAndQuery = download[0].split("\\?", 2);
        String fileName = pathAndQuery[0].substring(pathAndQuery[0].lastIndexOf('/') + 1);
        subjects.put("file", new Binding(List.of(taskId, fileName), "", common));
        subjects.put("signed-file", new Binding(List.of(taskId, fileName), "?" + pathAndQuery[1], common));
    }

    /** The newest mail of the log (the sign-ups above sent some), as the subject {@code mail}. */
    private void mail(String event) {
        String[] id = new String[1];
        await("a mail in the log", () -> {
            JsonNode mails = send(Request.of("GET", "/v1/mails?page[size]=1").token(token(Caller.ADMIN))).json();
            id[0] = mails == null ? null : mails.path("data").path(0).path("id").asText(null);
            return id[0] != null;
        });
        if (id[0] != null) {
            subjects.put("mail", binding(id[0], event));
        }
    }

    // ------------------------------------------------------------------ subjects

    String token(Caller caller) {
        return cast.get(caller).token();
    }

    Member member(Caller caller) {
        return cast.get(caller);
    }

    boolean knows(String subject) {
        return subject.equals("-") || subject.startsWith("new:") || subject.startsWith("one:")
                || subjects.containsKey(subject);
    }

    /**
     * The binding of a subject; {@code new:<collection>} creates a fresh row every time, {@code one:<collection>}
     * once (by an admin where only admins create, by the owner in the published event otherwise).
     */
    Binding bind(String subject) {
        if (subject.equals("-")) {
            return new Binding(List.of(), "", placeholders(common.get("event")));
        }
        if (subject.startsWith("one:")) {
            return shared.computeIfAbsent(subject.substring(4), collection -> bind("new:" + collection));
        }
        if (subject.startsWith("new:")) {
            String collection = subject.substring(4);
            if (collection.equals("users-events-roles")) {
                return freshGrant();
            }
            Map<String, String> placeholders = FRESH_PARENT.containsKey(collection)
                    ? bind("new:" + FRESH_PARENT.get(collection)).placeholders() : placeholders(common.get("event"));
            String event = placeholders.get("event");
            String id = collection.equals("users")
                    ? idOf(send(Request.of("POST", "/v1/users").json(JSON_API,
                    samples.body("POST /v1/users", common).orElseThrow())))
                    : create(collection, ADMINS_CREATE.contains(collection) ? Caller.ADMIN : Caller.OWNER, placeholders,
                    Map.of());
            if (collection.equals("events")) {
                // Like the fixture events: published, with the organizer and co-organizer holding their roles.
                grant(id, Caller.ORGANIZER, "organizer");
                grant(id, Caller.COORGANIZER, "coorganizer");
                expect(200, send(Request.of("PATCH", "/v1/events/" + id).token(token(Caller.OWNER)).json(JSON_API,
                        "{\"data\": {\"type\": \"event\", \"id\": \"" + id + "\", \"attributes\": {\"state\": "
                                + "\"published\"}}}")), "publish a fresh event");
                return binding(id, id);
            }
            return own(kindOf(collection), binding(id, event));
        }
        Binding binding = subjects.get(subject);
        if (binding == null) {
            throw new IllegalArgumentException("Unknown subject " + subject);
        }
        // Fixtures made later (the session, the group) are placeholders of subjects made before them too.
        Map<String, String> placeholders = new HashMap<>(common);
        placeholders.putAll(binding.placeholders());
        return new Binding(binding.path(), binding.query(), placeholders);
    }

    /**
     * A fresh account's moderator grant in the published event, written like the fixture grants (only accepting an
     * invitation creates grants, and its token arrives by mail).
     */
    private Binding freshGrant() {
        String event = common.get("event");
        String user = idOf(send(Request.of("POST", "/v1/users").json(JSON_API,
                samples.body("POST /v1/users", common).orElseThrow())));
        String id = databases.first("event-service", "insert into event_role (event_id, user_id, role) values (?, ?, "
                + "'moderator') returning id", Long.parseLong(event), Long.parseLong(user));
        return binding(id == null ? MISSING_ID : id, event);
    }

    /** The secrets to compare with missing ones on a route declared with {@code subject}. */
    List<Secret> secretsOf(String subject) {
        String kind = subject.startsWith("new:") ? kindOf(subject.substring(4)) : subject;
        Set<Caller> exceptOwner = EnumSet.complementOf(EnumSet.of(Caller.OWNER, Caller.ADMIN));
        return switch (kind) {
            case "event" -> List.of(new Secret("draft", NO_ROLE));
            case "export" -> List.of(new Secret("draft-export", NO_ROLE));
            case "track", "microlocation", "session-type", "speaker" -> List.of(new Secret("draft-" + kind, NO_ROLE));
            case "session" -> List.of(new Secret("draft-session", NO_ROLE), new Secret("proposal",
                    EnumSet.of(Caller.ANONYMOUS, Caller.USER, Caller.OTHER_ORGANIZER, Caller.DELETED)));
            case "task", "file" -> subjects.containsKey(kind) ? List.of(new Secret(kind, exceptOwner)) : List.of();
            case "user" -> List.of(new Secret("user:owner", exceptOwner));
            default -> kind.startsWith("user:") ? List.of(new Secret("user:owner", exceptOwner)) : List.of();
        };
    }

    /** The binding of something that does not exist, shaped like {@code secret}. */
    Binding missing(Binding secret) {
        List<String> path = new ArrayList<>();
        for (String value : secret.path()) {
            path.add(value.matches("\\d+") ? MISSING_ID : value.matches("[0-9a-f-]{36}") ? MISSING_TASK : value);
        }
        Map<String, String> placeholders = new HashMap<>(secret.placeholders());
        // The secret's own id as a placeholder (e.g. the {session} a feedback names) goes missing with it.
        placeholders.replaceAll((name, value) -> secret.path().contains(value) && !value.equals(common.get(name))
                ? MISSING_ID : value);
        placeholders.put("event", MISSING_ID);
        return new Binding(path, secret.query(), placeholders);
    }

    private Binding binding(String id, String event) {
        return new Binding(List.of(id), "", placeholders(event));
    }

    /** The binding with its own id as the placeholder of its kind, e.g. {session} for a session subject. */
    private static Binding own(String kind, Binding binding) {
        Map<String, String> placeholders = new HashMap<>(binding.placeholders());
        placeholders.put(kind, binding.path().get(0));
        return new Binding(binding.path(), binding.query(), placeholders);
    }

    private Map<String, String> placeholders(String event) {
        Map<String, String> placeholders = new HashMap<>(common);
        placeholders.put("event", event);
        return placeholders;
    }

    private static String kindOf(String collection) {
        return switch (collection) {
            case "events" -> "event";
            case "tracks" -> "track";
            case "microlocations" -> "microlocation";
            case "session-types" -> "session-type";
            case "speakers" -> "speaker";
            case "sessions" -> "session";
            case "users" -> "user";
            case "groups" -> "group";
            default -> collection;
        };
    }

    private static String collectionOf(String kind) {
        return kind.equals("session-type") ? "session-types" : kind + "s";
    }

    // ------------------------------------------------------------------ plumbing

    private Answer send(Request request) {
        return http.send(request);
    }

    private void expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            problems.add(what + ": " + answer.summary());
        }
    }

    private String idOf(Answer answer) {
        JsonNode json = answer.json();
        return json == null ? MISSING_ID : json.path("data").path("id").asText(MISSING_ID);
    }

    private static JsonNode parse(String text) {
        try {
            return Answer.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                problems.add("timed out waiting for " + what);
                return;
            }
            Http.sleep(300);
        }
    }
}
