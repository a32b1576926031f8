package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openevent.e2e.conformance.Ledger.Kind;
import org.openevent.e2e.conformance.RouteTable.Expectation;
import org.openevent.e2e.conformance.RouteTable.Row;

/**
 * The suite's phases over the documented routes: coverage against routes.tsv, the authorization matrix, stale
 * If-Match, existence oracles and the hostile corpus. Every answer is judged for 5xx and HTML; every rejected
 * write is row-counted in the owning service's database.
 */
final class Conformance {

    final Ledger ledger = new Ledger();
    final Http http = new Http(ledger);
    final RouteTable table = RouteTable.load();
    final Databases databases = new Databases();
    final Samples samples = Samples.load(Long.toString(System.currentTimeMillis(), 36));
    final World world = new World(http, databases, samples);
    final Bodies bodies = new Bodies(http, world, samples);
    ApiCatalog catalog;
    /** Documented public routes that have rows, by "METHOD PATH". */
    final Map<String, ApiCatalog.Operation> covered = new LinkedHashMap<>();
    /** The service whose accepted write may still be travelling as messages (null once quiet). */
    private String unsettledBy;

    // ------------------------------------------------------------------ coverage

    /** Reads the documents and the table; every documented route needs a row and every row a route. */
    void coverage() {
        catalog = ApiCatalog.load(http, GatewayRoutes.load());
        ledger.routesDocumented = catalog.routes.size();
        ledger.shadowedRoutes = catalog.shadowed.size();
        Set<String> documented = new LinkedHashSet<>();
        List<String> missingRows = new ArrayList<>();
        for (ApiCatalog.Operation operation : catalog.routes) {
            documented.add(operation.key());
            if (table.byRoute.containsKey(operation.key())
                    && table.byRoute.get(operation.key()).stream().allMatch(RouteTable.Row::notRun)) {
                ledger.routesNotRun++;
            } else if (table.byRoute.containsKey(operation.key())) {
                covered.put(operation.key(), operation);
            } else {
                missingRows.add(String.format("%-7s %-55s %-10s %s", operation.method(), operation.path(), "?",
                        "?   # " + operation.service() + ": " + operation.description()));
            }
        }
        for (String missing : missingRows) {
            ledger.finding(Kind.COVERAGE, "no row for: " + missing);
        }
        for (Row row : table.rows) {
            if (!documented.contains(row.key())) {
                ledger.finding(Kind.COVERAGE, "routes.tsv line " + row.line() + ": " + row.key()
                        + " is not a documented public route (any more?)");
            }
        }
        ledger.routesCovered = covered.size();
    }

    /** Builds the fixtures; then every row's subject must be one of them. */
    List<String> buildWorld() {
        Map<String, Long> before = databases.rowCounts("event-service");
        List<String> problems = new ArrayList<>(world.build());
        // A control: the counts that must not move after a refused write do move after accepted ones.
        if (Databases.differences(before, databases.rowCounts("event-service")).isEmpty()) {
            problems.add("creating events changed no row count in event-service's database: the counts see nothing");
        }
        for (Row row : table.rows) {
            if (!world.knows(row.subject())) {
                ledger.finding(Kind.COVERAGE, "routes.tsv line " + row.line() + ": unknown subject " + row.subject());
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ matrix

    /** One line on the console and the summary file brought up to date, after each phase. */
    void progress(String phase, long startedNanos) {
        ledger.write();
        System.out.printf("conformance: %s done in %d s (%d requests so far, %d findings)%n", phase,
                (System.nanoTime() - startedNanos) / 1_000_000_000, ledger.requests, ledger.failures());
    }

    void matrix() {
        for (Row row : rowsToRun()) {
            ApiCatalog.Operation operation = covered.get(row.key());
            for (Caller caller : Caller.COLUMNS) {
                Expectation expected = row.expected().get(caller);
                World.Binding binding;
                Request request;
                try {
                    binding = bind(row.subject());
                    request = request(operation, binding, caller);
                } catch (Bodies.NoSample e) {
                    ledger.finding(Kind.COVERAGE, "routes.tsv line " + row.line() + ": " + e.getMessage());
                    break;
                }
                Answer answer = send(operation, row, request, expected.pendingOn());
                ledger.cellsChecked++;
                judgeCell(row, caller, expected, request, answer);
            }
        }
    }

    private void judgeCell(Row row, Caller caller, Expectation expected, Request request, Answer answer) {
        String cell = "routes.tsv line " + row.line() + ": " + row.key() + " [" + row.subject() + "] as "
                + caller.column + ": expected " + expected + ", got " + answer.summary();
        if (answer.status() == expected.status()) {
            if (expected.pendingOn() != null) {
                ledger.finding(Kind.PENDING_PASSED, cell);
            }
        } else if (expected.pendingOn() != null) {
            ledger.cellsPending++;
            ledger.finding(Kind.PENDING, cell);
        } else {
            ledger.finding(Kind.MATRIX, cell);
        }
        if (answer.clientError() && !errorShaped(row, answer)) {
            ledger.finding(Kind.MATRIX, cell + " (not an error document)");
        }
    }

    // ------------------------------------------------------------------ If-Match

    /**
     * A stale If-Match is refused (412) on every PATCH and DELETE, and a current one is honoured; both are sent by
     * a caller the row allows (admins where they may, e.g. the author where only the author may).
     */
    void ifMatch() {
        for (Row row : firstRowPerRoute()) {
            Expectation expected = row.ifMatch();
            Caller writer = Caller.ADMIN;
            if (row.expected().get(writer).status() >= 300) {
                writer = Caller.COLUMNS.stream().filter(c -> row.expected().get(c).status() < 300).findFirst()
                        .orElse(null);
            }
            if (expected == null || writer == null) {
                continue;
            }
            ApiCatalog.Operation operation = covered.get(row.key());
            World.Binding binding = bind(row.subject());
            String resource = binding.target(operation.path()).replaceAll("/relationships/[^/?]+", "");
            Answer read = http.send(Request.of("GET", resource).token(world.token(writer)));
            String etag = read.header("ETag");
            ledger.ifMatchChecked++;
            if (etag == null) {
                ledger.finding(expected.pendingOn() == null ? Kind.IF_MATCH : Kind.PENDING, row.key()
                        + ": GET " + resource + " carries no ETag to match (" + read.summary() + ")");
                continue;
            }
            Request write = request(operation, binding, writer);
            Answer stale = send(operation, row, write.header("If-Match", "\"0000000000000000stale\""),
                    expected.pendingOn());
            if (stale.status() != expected.status()) {
                ledger.finding(expected.pendingOn() == null ? Kind.IF_MATCH : Kind.PENDING, row.key()
                        + " with a stale If-Match: expected " + expected + ", got " + stale.summary());
                continue;
            }
            if (expected.pendingOn() != null) {
                ledger.finding(Kind.PENDING_PASSED, row.key() + " refuses a stale If-Match now: remove if-match="
                        + expected + " (routes.tsv line " + row.line() + ")");
            }
            Answer current = send(operation, row, write.header("If-Match", etag), null);
            if (!current.success()) {
                ledger.finding(Kind.IF_MATCH, row.key() + " with the current If-Match " + etag + ": "
                        + current.summary());
            }
        }
    }

    // ------------------------------------------------------------------ oracles

    /** Strangers get the same answer for a secret as for something that does not exist. */
    void oracles() {
        for (Row row : rowsToRun()) {
            ApiCatalog.Operation operation = covered.get(row.key());
            for (World.Secret secret : world.secretsOf(row.subject())) {
                World.Binding hidden = world.bind(secret.subject());
                World.Binding missing = world.missing(hidden);
                String body;
                try {
                    body = bodies.of(operation, hidden);
                } catch (Bodies.NoSample e) {
                    continue;
                }
                for (Caller stranger : secret.strangers()) {
                    // Both get the same body (the missing one naming its own id), so only existence differs.
                    Request toHidden = request(operation, hidden, stranger, body);
                    Request toMissing = request(operation, missing, stranger, Bodies.withId(body, World.MISSING_ID));
                    Answer a = send(operation, row, toHidden, null);
                    Answer b = send(operation, row, toMissing, null);
                    ledger.oraclesChecked++;
                    String differs = difference(a, b, hidden, missing);
                    if (differs != null) {
                        ledger.finding(Kind.ORACLE, row.key() + " as " + stranger.column + ": " + secret.subject()
                                + " answers " + a.summary() + " but something missing answers " + b.summary()
                                + " (" + differs + ")");
                    }
                }
            }
        }
    }

    /** Why two answers can be told apart (status, media type or body once the ids are masked), or null. */
    private static String difference(Answer a, Answer b, World.Binding hidden, World.Binding missing) {
        if (a.status() != b.status()) {
            return "status";
        }
        if (!a.mediaType().equals(b.mediaType())) {
            return "media type";
        }
        return masked(a, hidden).equals(masked(b, missing)) ? null : "body";
    }

    /** The answer with the subject's ids masked wherever they appear as whole words in its text. */
    private static String masked(Answer answer, World.Binding binding) {
        List<String> ids = new ArrayList<>(binding.path());
        ids.add(binding.placeholders().getOrDefault("event", World.MISSING_ID));
        String text = answer.text();
        JsonNode json = HostileCorpus.parse(text);
        return json == null ? mask(text, ids) : mask(json, ids).toString();
    }

    private static JsonNode mask(JsonNode node, List<String> ids) {
        if (node.isTextual()) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(mask(node.textValue(), ids));
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode masked = Answer.JSON.createObjectNode();
            node.fields().forEachRemaining(field -> masked.set(field.getKey(), field.getKey().equals("status")
                    ? field.getValue() : mask(field.getValue(), ids)));
            return masked;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode masked = Answer.JSON.createArrayNode();
            node.forEach(element -> masked.add(mask(element, ids)));
            return masked;
        }
        return node;
    }

    private static String mask(String text, List<String> ids) {
        for (String id : ids) {
            text = text.replaceAll("(?<![0-9A-Za-z-])" + java.util.regex.Pattern.quote(id) + "(?![0-9A-Za-z-])", "<id>");
        }
        return text;
    }

    // ------------------------------------------------------------------ hostile corpus

    void hostile() {
        for (Row row : firstRowPerRoute()) {
            ApiCatalog.Operation operation = covered.get(row.key());
            String subject = freshSubjectFor(row);
            World.Binding binding = bind(subject);
            String body;
            try {
                body = bodies.baseline(operation, binding);
            } catch (Bodies.NoSample e) {
                continue;
            }
            String token = world.token(Caller.ADMIN);
            // Where even admins are refused (a singleton's POST, a log nobody edits), every attack must be refused.
            boolean adminsMay = row.expected().get(Caller.ADMIN).status() < 300;
            if (body != null) {
                Answer baseline = send(operation, row, Request.of(operation.method(), binding.target(operation.path()))
                        .token(token).json(Bodies.contentType(operation), body), null);
                if (adminsMay && !baseline.success()) {
                    ledger.finding(Kind.HOSTILE, row.key() + ": the unmodified baseline body is refused ("
                            + baseline.summary() + "), so the attacks on it prove less");
                }
                if (operation.method().equals("DELETE")) {
                    binding = bind(subject);
                }
            }
            // A route whose admin cell waits for another branch may fail the same way under attack.
            String pendingOn = row.expected().get(Caller.ADMIN).pendingOn();
            int pendingFailures = 0;
            for (HostileCorpus.Attack attack : HostileCorpus.of(operation, binding, token, body)) {
                // A singleton answers whatever id its path names (as the original does): nothing to attack there.
                if (row.option("any-id") && attack.name().startsWith("path variable")) {
                    continue;
                }
                Answer answer = send(operation, row, attack.request(), pendingOn);
                ledger.hostileSent++;
                String wrong = !adminsMay ? refused(row, answer)
                        : row.option("empty-body-ok") && attack.name().equals("body {}") && answer.success() ? null
                        : judge(row, attack, answer);
                if (wrong != null && pendingOn != null && answer.serverError()) {
                    pendingFailures++;
                } else if (wrong != null) {
                    ledger.finding(Kind.HOSTILE, row.key() + " " + attack.name() + ": " + wrong + " (" + answer.summary()
                            + ")");
                }
                if (answer.success() && operation.method().equals("DELETE") && subject.startsWith("new:")) {
                    binding = bind(subject);
                }
            }
            if (pendingFailures > 0) {
                ledger.finding(Kind.PENDING, row.key() + ": " + pendingFailures + " attacks answered 5xx like the route"
                        + " itself, pending on " + pendingOn);
            }
        }
    }

    /** Hostile writes go to a fresh row where the subject has a collection, never to the shared fixtures. */
    private String freshSubjectFor(Row row) {
        if (!row.method().equals("PATCH") && !row.method().equals("DELETE") && !row.method().equals("POST")) {
            return row.subject();
        }
        return switch (row.subject()) {
            case "event", "draft" -> "new:events";
            case "track", "microlocation", "speaker", "session" -> "new:" + row.subject() + "s";
            case "session-type" -> "new:session-types";
            case "proposal" -> "new:sessions";
            default -> row.subject().startsWith("user:") ? "new:users"
                    : row.subject().startsWith("one:") ? "new:" + row.subject().substring(4) : row.subject();
        };
    }

    /** An attack on a route admins may not call: a clean 4xx, whatever the attack. */
    private static String refused(Row row, Answer answer) {
        if (answer.serverError()) {
            return "5xx";
        }
        if (answer.isHtml()) {
            return "HTML";
        }
        if (!answer.clientError()) {
            return "expected a 4xx";
        }
        return errorShaped(row, answer) ? null : "a " + answer.status() + " that is no error document";
    }

    private String judge(Row row, HostileCorpus.Attack attack, Answer answer) {
        if (answer.serverError()) {
            return "5xx";
        }
        if (answer.isHtml()) {
            return "HTML";
        }
        if (answer.clientError() && !errorShaped(row, answer)) {
            return "a " + answer.status() + " that is no error document";
        }
        boolean stored = answer.success() && attack.value() != null
                && attack.value().equals(HostileCorpus.served(answer, attack.pointer()));
        return switch (attack.check()) {
            case REJECT -> answer.clientError() ? null : "expected a 4xx";
            case ANY -> answer.clientError() || answer.success() ? null : "expected a 2xx or 4xx";
            case NOT_STORED -> stored ? "accepted and stored" : answer.clientError() || answer.success() ? null
                    : "expected a 2xx or 4xx";
            case POINTED -> answer.success() ? (stored ? "accepted and stored" : null)
                    : answer.status() != 422 ? "expected a 422" : !attack.pointer().equals(answer.pointer())
                    ? "expected the pointer " + attack.pointer() + ", got " + answer.pointer() : null;
            case TOO_LARGE -> answer.status() == 413 ? null : "expected the gateway's 413";
            case TOO_LONG -> answer.status() == 414 ? null : "expected the gateway's 414";
        };
    }

    // ------------------------------------------------------------------ plumbing

    /** A subject's binding; creating a fresh row is an accepted write whose messages may still travel. */
    private World.Binding bind(String subject) {
        if (subject.startsWith("new:")) {
            unsettledBy = "fixtures";
        }
        return world.bind(subject);
    }

    private Request request(ApiCatalog.Operation operation, World.Binding binding, Caller caller) {
        return request(operation, binding, caller, bodies.of(operation, binding));
    }

    private Request request(ApiCatalog.Operation operation, World.Binding binding, Caller caller, String body) {
        Request request = Request.of(operation.method(), binding.target(operation.path())).token(world.token(caller));
        return body == null ? request : request.json(Bodies.contentType(operation), body);
    }

    /**
     * Sends a request; a write (or a GET declared {@code writes}) that is refused must leave the owning service's
     * row counts as they were. Counting waits first for messages of earlier accepted writes of another service.
     * Messages of the same service's earlier writes (e.g. the mail a sign-up sends, which user-service consumes
     * itself and reports as sent) may still land while counting: a change seen then is confirmed by sending the
     * request again on a quiet platform, and reported only if it writes again.
     */
    private Answer send(ApiCatalog.Operation operation, Row row, Request request, String pendingOn) {
        if (!row.writes()) {
            return http.send(request, pendingOn);
        }
        if (unsettledBy != null && (!unsettledBy.equals(operation.service()) || row.option("writes"))) {
            settle();
        }
        Map<String, Long> before = databases.rowCounts(operation.service());
        Answer answer = http.send(request, pendingOn);
        if (answer.success()) {
            unsettledBy = operation.service();
            return answer;
        }
        ledger.writesCounted++;
        List<String> changed = Databases.differences(before, databases.rowCounts(operation.service()));
        if (!changed.isEmpty() && unsettledBy != null) {
            settle();
            Map<String, Long> quiet = databases.rowCounts(operation.service());
            Answer again = http.send(request, pendingOn);
            List<String> changedAgain = Databases.differences(quiet, databases.rowCounts(operation.service()));
            if (again.status() == answer.status()) {
                changed = changedAgain;
            }
        }
        if (!changed.isEmpty()) {
            ledger.finding(Kind.PARTIAL_WRITE, request.line() + " answered " + answer.status() + " but changed "
                    + operation.service() + ": " + String.join(", ", changed));
        }
        return answer;
    }

    /** Waits until the messages of earlier accepted writes have been consumed everywhere. */
    private void settle() {
        databases.awaitQuiet();
        unsettledBy = null;
    }

    private static boolean errorShaped(Row row, Answer answer) {
        return answer.isErrorDocument() || row.plainErrors() && answer.isPlainError();
    }

    private List<Row> rowsToRun() {
        return table.rows.stream().filter(row -> covered.containsKey(row.key()) && world.knows(row.subject())).toList();
    }

    private List<Row> firstRowPerRoute() {
        Map<String, Row> first = new LinkedHashMap<>();
        rowsToRun().forEach(row -> first.putIfAbsent(row.key(), row));
        return new ArrayList<>(first.values());
    }

    void close() {
        databases.close();
    }
}
