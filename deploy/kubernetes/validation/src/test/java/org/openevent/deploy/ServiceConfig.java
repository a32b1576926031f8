package org.openevent.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's real configuration as the service reads it: its application.properties over common's
 * microprofile-config.properties. Only what the manifests must agree with is derived here.
 */
final class ServiceConfig {

    static final String COMMON = "common/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final String TOPIC_PREFIX = "${openevent.messaging.topic-prefix:}";

    final String service;
    /** Property to raw value, profile-free lines only, the service's file overriding common's. */
    final Map<String, String> properties = new LinkedHashMap<>();
    /** Environment variables the configuration reads, with their defaults (null when there is none). */
    final Map<String, String> environment = new LinkedHashMap<>();

    private ServiceConfig(String service) {
        this.service = service;
        load(COMMON);
        load(service + "/src/main/resources/application.properties");
    }

    static ServiceConfig of(String service) {
        return new ServiceConfig(service);
    }

    private void load(String file) {
        for (String line : Repository.lines(file)) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).trim();
            String value = trimmed.substring(equals + 1).trim();
            Matcher reference = REFERENCE.matcher(value);
            while (reference.find()) {
                environment.put(reference.group(1), reference.group(2));
            }
            if (!key.startsWith("%")) {
                properties.put(key, value);
            }
        }
    }

    /** The port the service listens on when its port variable is unset. */
    int defaultPort() {
        Matcher port = REFERENCE.matcher(properties.get("quarkus.http.port"));
        if (!port.matches()) {
            throw new AssertionError(service + ": quarkus.http.port is not ${VARIABLE:port}");
        }
        return Integer.parseInt(port.group(2));
    }

    /** The environment variable that sets the service's port. */
    String portVariable() {
        Matcher port = REFERENCE.matcher(properties.get("quarkus.http.port"));
        if (!port.matches()) {
            throw new AssertionError(service + ": quarkus.http.port is not ${VARIABLE:port}");
        }
        return port.group(1);
    }

    /** The environment variable a property is read from, e.g. openevent.db.user to EVENT_DB_USER. */
    String variableOf(String property) {
        String value = properties.get(property);
        Matcher reference = value == null ? null : REFERENCE.matcher(value);
        if (reference == null || !reference.matches()) {
            throw new AssertionError(service + ": " + property + " is not read from an environment variable");
        }
        return reference.group(1);
    }

    /** SmallRye Health's endpoint paths: /q/health/live, /ready and /started unless configured otherwise. */
    String healthPath(String check) {
        String root = "/" + properties.getOrDefault("quarkus.http.non-application-root-path", "q") + "/"
                + properties.getOrDefault("quarkus.smallrye-health.root-path", "health");
        return root + "/" + properties.getOrDefault("quarkus.smallrye-health." + check + "-path", check);
    }

    /** The topics the service's incoming channels read, their dead-letter topics included. */
    Set<String> consumedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("mp.messaging.incoming.")
                    && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
                topics.add(value.replace(TOPIC_PREFIX, ""));
            }
        });
        return topics;
    }

    /** Whether the service runs the outbox relay (it publishes). */
    boolean publishes() {
        return !"false".equals(properties.get("openevent.messaging.relay.enabled"));
    }

    /** A default that would point at this machine: in a cluster such a variable must be set. */
    static boolean pointsAtLocalhost(String defaultValue) {
        return defaultValue != null && (defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost"));
    }

    Optional<String> defaultOf(String variable) {
        return Optional.ofNullable(environment.get(variable));
    }
}
