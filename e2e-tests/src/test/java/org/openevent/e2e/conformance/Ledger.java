package org.openevent.e2e.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the suite sent, checked and found; printed as the table of issue 9 and kept in target/. */
final class Ledger {

    /** Kinds of findings; each must stay empty except {@link #PENDING} (known work of other branches). */
    enum Kind {
        COVERAGE("routes without a row, or rows without a route"),
        SERVER_ERROR("5xx answers"),
        HTML("HTML bodies"),
        CORS("answers a browser may not read (no Access-Control-Allow-Origin)"),
        HOSTILE("hostile requests answered wrongly"),
        PARTIAL_WRITE("rejected writes that changed rows"),
        MATRIX("matrix cells with another outcome"),
        PENDING_PASSED("pending cells that pass now (remove their ~marker)"),
        IF_MATCH("If-Match not enforced"),
        ORACLE("existence oracles"),
        PENDING("pending on another branch (reported, not failed)");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    int routesDocumented;
    int routesCovered;
    int routesNotRun;
    int shadowedRoutes;
    int requests;
    int serverErrors;
    int serverErrorsPending;
    int htmlBodies;
    int hostileSent;
    int writesCounted;
    int cellsChecked;
    int cellsPending;
    int ifMatchChecked;
    int oraclesChecked;
    private final Map<Kind, List<String>> findings = new LinkedHashMap<>();

    void finding(Kind kind, String text) {
        findings.computeIfAbsent(kind, k -> new ArrayList<>()).add(text);
    }

    List<String> findings(Kind kind) {
        return findings.getOrDefault(kind, List.of());
    }

    int count(Kind kind) {
        return findings(kind).size();
    }

    /** Counts one answer: every request goes through here. */
    void answered(Request request, Answer answer, String pendingOn) {
        requests++;
        if (answer.serverError()) {
            if (pendingOn != null) {
                serverErrorsPending++;
            } else {
                serverErrors++;
                finding(Kind.SERVER_ERROR, request.line() + " -> " + answer.summary());
            }
        }
        if (answer.isHtml()) {
            htmlBodies++;
            finding(Kind.HTML, request.line() + " -> " + answer.summary());
        }
        if (answer.status() != 599 && answer.header("Access-Control-Allow-Origin") == null) {
            finding(Kind.CORS, request.line() + " -> " + answer.summary());
        }
    }

    /** The number of findings that fail the suite. */
    int failures() {
        int failures = 0;
        for (Kind kind : Kind.values()) {
            if (kind != Kind.PENDING) {
                failures += count(kind);
            }
        }
        return failures;
    }

    String table() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("routes documented (served through the gateway)", String.valueOf(routesDocumented));
        rows.put("routes covered", String.valueOf(routesCovered));
        rows.put("routes left alone (reasons in routes.tsv)", String.valueOf(routesNotRun));
        rows.put("documented routes the gateway sends elsewhere", String.valueOf(shadowedRoutes));
        rows.put("requests sent", String.valueOf(requests));
        rows.put("5xx (must be 0)", serverErrors + (serverErrorsPending > 0
                ? "  (+" + serverErrorsPending + " in cells pending on other branches)" : ""));
        rows.put("HTML bodies (must be 0)", String.valueOf(htmlBodies));
        rows.put("answers without CORS headers (must be 0)", String.valueOf(count(Kind.CORS)));
        rows.put("hostile requests / answered wrongly", hostileSent + " / " + count(Kind.HOSTILE));
        rows.put("rejected writes row-counted / partial writes", writesCounted + " / " + count(Kind.PARTIAL_WRITE));
        rows.put("matrix cells checked / failed (must be 0)", cellsChecked + " / "
                + (count(Kind.MATRIX) + count(Kind.PENDING_PASSED)) + (cellsPending > 0
                ? "  (+" + cellsPending + " pending on other branches)" : ""));
        rows.put("If-Match checks / failed", ifMatchChecked + " / " + count(Kind.IF_MATCH));
        rows.put("oracle pairs checked / oracles found (must be 0)", oraclesChecked + " / " + count(Kind.ORACLE));
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        StringBuilder table = new StringBuilder("\nConformance suite (issue 9)\n");
        rows.forEach((name, value) -> table.append(String.format("  %-" + width + "s %s%n", name, value)));
        return table.toString();
    }

    /** The table, then every finding by kind (at most {@code perKind} lines each). */
    String report(int perKind) {
        StringBuilder report = new StringBuilder(table());
        for (Kind kind : Kind.values()) {
            List<String> list = findings(kind);
            if (list.isEmpty()) {
                continue;
            }
            report.append("\n").append(kind.title).append(" (").append(list.size()).append("):\n");
            Map<String, Integer> distinct = new TreeMap<>();
            list.forEach(line -> distinct.merge(line, 1, Integer::sum));
            int shown = 0;
            for (Map.Entry<String, Integer> line : distinct.entrySet()) {
                if (shown++ == perKind) {
                    report.append("  ... ").append(distinct.size() - perKind).append(" more in ")
                            .append(SUMMARY).append("\n");
                    break;
                }
                report.append("  ").append(line.getKey()).append(line.getValue() > 1 ? "  (x" + line.getValue() + ")" : "")
                        .append("\n");
            }
        }
        return report.toString();
    }

    static final Path SUMMARY = Path.of("target", "conformance-summary.txt");

    void write() {
        try {
            Files.createDirectories(SUMMARY.getParent());
            Files.writeString(SUMMARY, report(Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
