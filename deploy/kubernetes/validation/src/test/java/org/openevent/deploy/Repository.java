package org.openevent.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checkout the manifests live in, and the project's one list of components (deploy/topology.tsv). */
final class Repository {

    static final Path ROOT = findRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

    private Repository() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/topology.tsv"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No deploy/topology.tsv above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String relative) {
        return read(relative).lines().toList();
    }

    /** The HTTP services of the topology: name to port, in topology order. */
    static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        topology((name, kind, port, database) -> {
            if (kind.equals("service")) {
                ports.put(name, Integer.parseInt(port));
            }
        });
        return ports;
    }

    /** The HTTP services of the topology: name to database ({@code <db>} of role and database openevent_<db>). */
    static Map<String, String> serviceDatabases() {
        Map<String, String> databases = new LinkedHashMap<>();
        topology((name, kind, port, database) -> {
            if (kind.equals("service")) {
                databases.put(name, database);
            }
        });
        return databases;
    }

    private interface Row {
        void accept(String name, String kind, String port, String database);
    }

    private static void topology(Row row) {
        for (String line : lines("deploy/topology.tsv")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && !fields[0].startsWith("#")) {
                row.accept(fields[0], fields[1], fields[2], fields[3]);
            }
        }
    }
}
