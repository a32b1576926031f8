package org.openevent.e2e.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code conformance/routes.tsv}: for every public route, the subject it is called on and the status each
 * caller must get (see the file's header for the format).
 */
final class RouteTable {

    static final String RESOURCE = "/conformance/routes.tsv";
    private static final Pattern CELL = Pattern.compile("(\\d{3})(?:~([a-z][a-z0-9-]*))?");

    /** What one caller must get: a status, possibly only once another branch is merged. */
    record Expectation(int status, String pendingOn) {

        static Expectation parse(String cell, String where) {
            Matcher matcher = CELL.matcher(cell);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(where + ": '" + cell + "' is no status (e.g. 200, 404, 401~accounts)");
            }
            return new Expectation(Integer.parseInt(matcher.group(1)), matcher.group(2));
        }

        @Override
        public String toString() {
            return status + (pendingOn == null ? "" : "~" + pendingOn);
        }
    }

    /** One row: a route, the subject it is called on, every caller's expectation and the row's options. */
    record Row(int line, String method, String path, String subject, Map<Caller, Expectation> expected,
               Map<String, String> options) {

        String key() {
            return method + " " + path;
        }

        /** Whether the suite leaves this route alone ({@link #NOT_RUN}). */
        boolean notRun() {
            return expected.isEmpty();
        }

        boolean option(String name) {
            return options.containsKey(name);
        }

        /** Answers of this route are plain JSON errors ({"error": ...}), not JSON:API documents. */
        boolean plainErrors() {
            return option("plain-errors");
        }

        /** A GET that writes (e.g. starting an export): its rejections are row-counted like writes. */
        boolean writes() {
            return !method.equals("GET") || option("writes");
        }

        /** What a stale If-Match must get (PATCH and DELETE); null when the route takes none. */
        Expectation ifMatch() {
            String declared = options.get("if-match");
            if (declared != null) {
                return declared.equals("none") ? null : Expectation.parse(declared, "line " + line);
            }
            return method.equals("PATCH") || method.equals("DELETE") ? new Expectation(412, null) : null;
        }
    }

    final List<Row> rows = new ArrayList<>();
    final Map<String, List<Row>> byRoute = new LinkedHashMap<>();

    static RouteTable load() {
        try (InputStream in = RouteTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** EXPECT of a documented route the suite deliberately leaves alone (the reason stands beside it). */
    static final String NOT_RUN = "not-run";

    static RouteTable parse(String text) {
        RouteTable table = new RouteTable();
        Map<String, List<String>> profiles = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = "routes.tsv line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (tokens[0].equals("@profile")) {
                if (tokens.length != 2 + Caller.COLUMNS.size()) {
                    throw new IllegalArgumentException(where + ": a profile has a name and " + Caller.COLUMNS.size()
                            + " statuses");
                }
                profiles.put(tokens[1], List.of(tokens).subList(2, tokens.length));
                continue;
            }
            if (tokens.length < 4) {
                throw new IllegalArgumentException(where + ": METHOD PATH SUBJECT EXPECT [OPTIONS] expected");
            }
            List<String> cells;
            int next;
            if (tokens[3].equals(NOT_RUN)) {
                cells = List.of();
                next = 4;
            } else if (tokens[3].startsWith("=")) {
                cells = profiles.get(tokens[3].substring(1));
                if (cells == null) {
                    throw new IllegalArgumentException(where + ": no profile " + tokens[3] + " defined above");
                }
                next = 4;
            } else {
                if (tokens.length < 3 + Caller.COLUMNS.size()) {
                    throw new IllegalArgumentException(where + ": " + Caller.COLUMNS.size() + " statuses or =profile");
                }
                cells = List.of(tokens).subList(3, 3 + Caller.COLUMNS.size());
                next = 3 + Caller.COLUMNS.size();
            }
            Map<Caller, Expectation> expected = new EnumMap<>(Caller.class);
            for (int c = 0; c < cells.size(); c++) {
                expected.put(Caller.COLUMNS.get(c), Expectation.parse(cells.get(c), where));
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int o = next; o < tokens.length; o++) {
                String[] option = tokens[o].split("=", 2);
                options.put(option[0], option.length > 1 ? option[1] : "");
            }
            Row row = new Row(i + 1, tokens[0], tokens[1], tokens[2], expected, options);
            table.rows.add(row);
            table.byRoute.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
        }
        return table;
    }
}
