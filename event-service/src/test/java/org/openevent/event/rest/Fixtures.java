package org.openevent.event.rest;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openevent.common.testing.TestTokens;

/**
 * Test fixtures: events with people in every role of the authorization matrix (anonymous, a plain user, an
 * organizer of another event, co-organizer, organizer, owner, admin). Roles are written straight into the test
 * database; granting them through invitations is tested on its own.
 */
public final class Fixtures {

    static final String JSONAPI = "application/vnd.api+json";
    private static final AtomicLong USERS = new AtomicLong(10_000);

    private Fixtures() {
    }

    /** One row of the authorization matrix. */
    public enum Who { ANONYMOUS, USER, OTHER_ORGANIZER, COORGANIZER, ORGANIZER, OWNER, ADMIN }

    /** An event and a user id for every role of the matrix. */
    public record Matrix(String eventId, Map<Who, Long> users) {

        /** A request as {@code who}. */
        public RequestSpecification as(Who who) {
            return Fixtures.as(users.get(who), who == Who.ADMIN);
        }
    }

    /** A new user id, unique within the test run. */
    public static long newUser() {
        return USERS.incrementAndGet();
    }

    public static RequestSpecification as(Long user, boolean admin) {
        RequestSpecification request = given().contentType(JSONAPI);
        return user == null ? request : request.header("Authorization", "JWT "
                + (admin ? TestTokens.admin(user) : TestTokens.user(user)));
    }

    public static RequestSpecification admin() {
        return as(1L, true);
    }

    /** A published (or draft) event with fresh users in every role. */
    public static Matrix matrix(String name, String state) {
        Map<Who, Long> users = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            users.put(who, who == Who.ANONYMOUS ? null : who == Who.ADMIN ? 1L : newUser());
        }
        String event = EventResourceTests.create(users.get(Who.OWNER), name, state);
        EventResourceTests.create(users.get(Who.OTHER_ORGANIZER), name + " (another)", state);
        grant(event, users.get(Who.ORGANIZER), "organizer");
        grant(event, users.get(Who.COORGANIZER), "coorganizer");
        return new Matrix(event, users);
    }

    /** Grants a role directly in the database. */
    public static void grant(String eventId, long userId, String role) {
        sql("insert into event_role (event_id, user_id, role) values (?, ?, ?)", Long.parseLong(eventId), userId,
                role);
    }

    /** Runs one statement against the module's test database. */
    public static void sql(String statement, Object... parameters) {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(url,
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** A JSON:API write document. */
    public static String doc(String type, String id, String attributes, String relationships) {
        return "{\"data\": {\"type\": \"" + type + "\"" + (id == null ? "" : ", \"id\": \"" + id + "\"")
                + ", \"attributes\": {" + attributes + "}"
                + (relationships == null ? "" : ", \"relationships\": {" + relationships + "}") + "}}";
    }

    /** The linkage of a to-one relationship in a write document. */
    public static String rel(String name, String type, String id) {
        return "\"" + name + "\": {\"data\": {\"type\": \"" + type + "\", \"id\": \"" + id + "\"}}";
    }
}
