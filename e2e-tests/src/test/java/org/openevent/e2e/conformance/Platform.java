package org.openevent.e2e.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running platform is: the gateway, each service's own port and database (from
 * {@code deploy/topology.tsv}, the file {@code ./dev} starts them from) and the admin's credentials.
 */
final class Platform {

    static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    static final URI GATEWAY = URI.create(System.getProperty("e2e.gateway", "http://localhost:8080"));
    static final String ADMIN_EMAIL = System.getProperty("e2e.admin.email", "admin@openevent.local");
    static final String ADMIN_PASSWORD = System.getProperty("e2e.admin.password", "open-event-admin");
    static final String PG_HOST = System.getProperty("e2e.pg.host", "127.0.0.1");

    /** Every HTTP service of the topology: its name, port and database. */
    static final Map<String, Service> SERVICES = services();
    static final int PG_PORT = Integer.getInteger("e2e.pg.port", port("postgresql"));

    private Platform() {
    }

    /** One HTTP service: {@code database} is the short name, the role and database are {@code openevent_<db>}. */
    record Service(String name, int port, String database) {

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/openevent_" + database;
        }

        String role() {
            return "openevent_" + database;
        }
    }

    private static Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        for (String[] columns : topology()) {
            if (columns[1].equals("service")) {
                services.put(columns[0], new Service(columns[0], Integer.parseInt(columns[2]), columns[3]));
            }
        }
        return services;
    }

    private static int port(String component) {
        for (String[] columns : topology()) {
            if (columns[0].equals(component)) {
                return Integer.parseInt(columns[2]);
            }
        }
        throw new IllegalStateException(component + " is not in deploy/topology.tsv");
    }

    private static Iterable<String[]> topology() {
        try {
            return Files.readAllLines(REPOSITORY.resolve("deploy/topology.tsv")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+")).filter(columns -> columns.length >= 4).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
