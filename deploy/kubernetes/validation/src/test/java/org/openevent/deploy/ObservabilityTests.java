package org.openevent.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard (deploy/observability) are well formed and only name metrics that exist: those
 * the services register (found in their sources, named as Micrometer's Prometheus registry names them) and those of
 * the libraries and exporters listed in {@link #EXTERNAL}.
 */
class ObservabilityTests {

    /** Metric families not registered by our code, with who exports them. */
    static final Map<String, String> EXTERNAL = Map.of(
            "kafka_consumergroup_", "Strimzi's Kafka Exporter (kafkaExporter in the Kafka resource)",
            "kafka_consumer_", "Quarkus Micrometer's Kafka binder (every consumer's client metrics)",
            "http_server_requests_seconds_", "Quarkus Micrometer's HTTP server binder",
            "jvm_", "Micrometer's JVM binders",
            "process_", "Micrometer's process binders");
    static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "bool",
            "label_values", "abs", "clamp_min", "clamp_max");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAlertIsCompleteAndNamesOnlyMetricsThatExist() {
        List<Map<String, Object>> files = Manifests.file("deploy/observability/prometheus-rules.yaml");
        assertTrue(files.size() == 1, "one rule file");
        Set<String> known = registeredMetrics();
        int alerts = 0;
        for (Object group : (List<?>) files.get(0).get("groups")) {
            for (Object item : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> rule = (Map<?, ?>) item;
                String name = (String) rule.get("alert");
                assertNotNull(name, "only alerting rules: " + rule);
                String severity = (String) ((Map<?, ?>) rule.get("labels")).get("severity");
                assertTrue(Set.of("warning", "critical").contains(severity), name + " severity " + severity);
                assertNotNull(((Map<?, ?>) rule.get("annotations")).get("summary"), name + " has no summary");
                assertMetricsExist(name, (String) rule.get("expr"), known);
                alerts++;
            }
        }
        assertTrue(alerts >= 8, "alerts on outbox, consumers, dead letters, projection lag and exports: " + alerts);
    }

    @Test
    void everyDashboardPanelNamesOnlyMetricsThatExist() throws IOException {
        JsonNode dashboard = JSON.readTree(Repository.read("deploy/observability/grafana-dashboard.json"));
        Set<String> known = registeredMetrics();
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertMetricsExist(panel.get("title").asText(), target.get("expr").asText(), known);
                queries++;
            }
        }
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            if (variable.has("query") && variable.get("query").has("query")) {
                assertMetricsExist("variable " + variable.get("name").asText(),
                        variable.get("query").get("query").asText(), known);
            }
        }
        assertTrue(queries >= 15, "the dashboard shows too little: " + queries + " queries");
    }

    @Test
    void theMetricsOurCodeRegistersAreFound() {
        Set<String> known = registeredMetrics();
        for (String metric : List.of("openevent_outbox_backlog", "openevent_outbox_oldest_unsent_seconds",
                "openevent_projection_lag_seconds_bucket", "openevent_messages_dead_lettered_total",
                "openevent_export_duration_seconds_bucket", "openevent_export_size_bytes_bucket")) {
            assertTrue(known.contains(metric), metric + " not found among " + known);
        }
    }

    private static void assertMetricsExist(String where, String expr, Set<String> known) {
        List<String> metrics = metricsIn(expr);
        assertFalse(metrics.isEmpty(), where + ": no metric in " + expr);
        for (String metric : metrics) {
            boolean external = EXTERNAL.keySet().stream().anyMatch(metric::startsWith);
            assertTrue(external || known.contains(metric), where + " uses " + metric
                    + ", which no service registers (known: " + known + ")");
        }
    }

    /** The metric names of a PromQL expression: what remains after labels, ranges, strings and functions. */
    static List<String> metricsIn(String expr) {
        Matcher labelValues = Pattern.compile("label_values\\(\\s*([^,{]+)").matcher(expr);
        if (labelValues.find()) {
            return List.of(labelValues.group(1).trim());
        }
        String bare = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "").replaceAll("\\$\\w+", "");
        List<String> metrics = new ArrayList<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(bare);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (!PROMQL.contains(name) && !name.matches("\\d.*")) {
                metrics.add(name);
            }
        }
        return metrics;
    }

    /**
     * The Prometheus names of the meters the services' and common's main sources register: a counter gets _total, a
     * timer _seconds and its _count, _sum, _max and _bucket series, a distribution summary its base unit likewise.
     */
    static Set<String> registeredMetrics() {
        Pattern builder = Pattern.compile("(Timer|Counter|Gauge|DistributionSummary)\\.builder\\(\"([^\"]+)\""
                + "|registry\\.(counter|timer)\\(\"([^\"]+)\"");
        Pattern baseUnit = Pattern.compile("\\.baseUnit\\(\"([^\"]+)\"\\)");
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> sources = sources();
        sources.forEach((file, text) -> {
            Matcher meter = builder.matcher(text);
            while (meter.find()) {
                String type = meter.group(1) != null ? meter.group(1) : meter.group(3);
                String name = (meter.group(2) != null ? meter.group(2) : meter.group(4)).replace('.', '_');
                switch (type.toLowerCase()) {
                    case "counter" -> names.add(name + "_total");
                    case "gauge" -> names.add(name);
                    case "timer" -> series(names, name + "_seconds");
                    default -> {
                        Matcher unit = baseUnit.matcher(text.substring(meter.end(), Math.min(text.length(),
                                meter.end() + 400)));
                        series(names, unit.find() ? name + "_" + unit.group(1) : name);
                    }
                }
            }
        });
        return names;
    }

    private static void series(Set<String> names, String base) {
        for (String suffix : List.of("", "_count", "_sum", "_max", "_bucket")) {
            names.add(base + suffix);
        }
    }

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> modules = new ArrayList<>(Repository.servicePorts().keySet());
        modules.add("common");
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(module + "/src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        sources.put(f.toString(), Files.readString(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}
