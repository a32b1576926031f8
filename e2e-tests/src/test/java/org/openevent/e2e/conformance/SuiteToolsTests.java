package org.openevent.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The suite's own readers: the gateway's routing as nginx applies it, and the table's format. */
class SuiteToolsTests {

    @Test
    void gatewayRoutesAsNginxMatchesThem() {
        GatewayRoutes routes = GatewayRoutes.load();
        assertEquals("event-service", routes.targetOf("/v1/events/1"));
        assertEquals("event-service", routes.targetOf("/v1/events/1/relationships/owner"));
        assertEquals("session-service", routes.targetOf("/v1/events/1/tracks"));
        assertEquals("session-service", routes.targetOf("/v1/events/ab12cd34/relationships/sessions"));
        assertEquals("export-service", routes.targetOf("/v1/events/1/export/ical"));
        assertEquals("user-service", routes.targetOf("/auth/session"), "an exact location of the template");
        assertEquals("return 404", routes.targetOf("/internal/events/1"), "^~ wins over every regex");
        assertEquals("return 404", routes.targetOf("/nothing"));
    }

    @Test
    void tableRowsTakeProfilesOrNineStatusesAndOptions() {
        RouteTable table = RouteTable.parse("""
                @profile open 200 200 200 200 200 200 200 200 200
                GET /v1/a - =open
                PATCH /v1/a/{id} event 401 403 403 403 200 200 200 200 401~accounts if-match=none
                POST /auth/session - =open plain-errors
                """);
        assertEquals(3, table.rows.size());
        RouteTable.Row patch = table.rows.get(1);
        assertEquals(new RouteTable.Expectation(401, "accounts"), patch.expected().get(Caller.DELETED));
        assertEquals(null, patch.ifMatch());
        assertTrue(table.rows.get(2).plainErrors());
        assertEquals(new RouteTable.Expectation(412, null),
                RouteTable.parse("DELETE /x/{id} t =open\n".replace("=open", "200 200 200 200 200 200 200 200 200"))
                        .rows.get(0).ifMatch(), "PATCH and DELETE check a stale If-Match by default");
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("GET /v1/a - =unknown"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("GET /v1/a - 200 200"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("GET /v1/a - 2xx 200 200 200 200 200 200 200 200"));
        RouteTable.Row alone = RouteTable.parse("POST /v1/auth/logout - not-run\n").rows.get(0);
        assertTrue(alone.notRun(), "not-run leaves a documented route alone");
        assertTrue(!table.rows.get(0).notRun());
    }

    @Test
    void hostileValuesArePlacedAtTheirPointerUnescaped() {
        String set = HostileCorpus.set(HostileCorpus.parse("{\"data\": {\"type\": \"t\"}}"), "/data/attributes/name",
                "\"a\\u0000b\"");
        assertEquals("{\"data\":{\"type\":\"t\",\"attributes\":{\"name\":\"a\\u0000b\"}}}", set);
    }
}
