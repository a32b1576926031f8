package org.openevent.e2e.conformance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The services' own PostgreSQL databases, read directly (the suite is a test tool): row counts of every table,
 * so a rejected write can be shown to have written nothing, and whether messages are still travelling.
 */
final class Databases implements AutoCloseable {

    /**
     * Tables a refused request writes by design, left out of the counts: user-service records every login attempt,
     * refused ones included, in rate_limit_hit, because refused logins are what the login limit counts.
     */
    private static final Set<String> WRITTEN_BY_REFUSALS = Set.of("rate_limit_hit");

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, String> countQueries = new HashMap<>();

    Databases() {
        try {
            for (Platform.Service service : Platform.SERVICES.values()) {
                connections.put(service.name(), DriverManager.getConnection(service.jdbcUrl(), service.role(),
                        service.role()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the services' databases", e);
        }
    }

    /** Rows per table of a service's database (its migrations' history left out). */
    Map<String, Long> rowCounts(String service) {
        String query = countQueries.computeIfAbsent(service, this::countQuery);
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement statement = connection(service).prepareStatement(query);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The tables whose row count differs, as "table before->after". */
    static List<String> differences(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, rows) -> {
            if (!rows.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + "->" + rows);
            }
        });
        return changed;
    }

    /**
     * Waits until no message is in flight: every outbox is drained and no consumer ledger grew for a while, so row
     * counts taken next change only by the next request.
     */
    void awaitQuiet() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long previous = -1;
        while (System.nanoTime() < deadline) {
            long unsent = sum("select count(*) from outbox_message where sent_at is null");
            long processed = sum("select count(*) from processed_message");
            if (unsent == 0 && processed == previous) {
                return;
            }
            previous = unsent == 0 ? processed : -1;
            Http.sleep(120);
        }
    }

    /** Runs a statement in a service's database (fixtures the API does not offer yet). */
    void execute(String service, String sql, Object... parameters) {
        try (PreparedStatement statement = connection(service).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row a query in a service's database answers, or null. */
    String first(String service, String sql, Object... parameters) {
        try (PreparedStatement statement = connection(service).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long sum(String sql) {
        long total = 0;
        for (String service : connections.keySet()) {
            try (PreparedStatement statement = connection(service).prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                total += rows.next() ? rows.getLong(1) : 0;
            } catch (SQLException e) {
                // A service without a ledger or outbox (a table it does not have) adds nothing.
                rollbackQuietly(service);
            }
        }
        return total;
    }

    private String countQuery(String service) {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement statement = connection(service).prepareStatement(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1");
             ResultSet tables = statement.executeQuery()) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (WRITTEN_BY_REFUSALS.contains(table)) {
                    continue;
                }
                parts.add("select '" + table + "', count(*) from \"" + table + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return String.join(" union all ", parts);
    }

    private Connection connection(String service) {
        Connection connection = connections.get(service);
        if (connection == null) {
            throw new IllegalArgumentException("No database for " + service);
        }
        return connection;
    }

    private void rollbackQuietly(String service) {
        try {
            if (!connection(service).getAutoCommit()) {
                connection(service).rollback();
            }
        } catch (SQLException ignored) {
            // Only autocommit connections are used; nothing to undo.
        }
    }

    @Override
    public void close() {
        for (Connection connection : connections.values()) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing at the end of the run; the server drops the session anyway.
            }
        }
    }
}
