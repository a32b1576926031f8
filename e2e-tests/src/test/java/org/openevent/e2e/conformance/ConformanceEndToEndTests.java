package org.openevent.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openevent.e2e.conformance.Ledger.Kind;

/**
 * Issue 9: every route the services document, under attack through the gateway. The routes come from each
 * service's {@code /q/openapi}; their authorization is declared in {@code conformance/routes.tsv}; the suite
 * checks the matrix, stale If-Match, existence oracles and a hostile corpus, and prints what it found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformanceEndToEndTests {

    private static final int SHOWN_PER_KIND = 60;

    private Conformance suite;

    @BeforeAll
    void documentsTableAndWorld() {
        long started = System.nanoTime();
        suite = new Conformance();
        suite.coverage();
        List<String> problems = suite.buildWorld();
        suite.progress("documents, table and fixtures", started);
        assertTrue(problems.isEmpty(), "The suite could not build its fixtures: " + problems);
    }

    @Test
    @Order(1)
    void everyDocumentedRouteHasARowAndEveryRowARoute() {
        assertNone(Kind.COVERAGE);
    }

    @Test
    @Order(2)
    void everyCallerGetsWhatTheTableDeclares() {
        long started = System.nanoTime();
        suite.matrix();
        suite.progress("matrix", started);
        assertNone(Kind.MATRIX);
        assertNone(Kind.PENDING_PASSED);
    }

    @Test
    @Order(3)
    void staleIfMatchIsRefusedOnEveryWrite() {
        long started = System.nanoTime();
        suite.ifMatch();
        suite.progress("If-Match", started);
        assertNone(Kind.IF_MATCH);
    }

    @Test
    @Order(4)
    void strangersCannotTellSecretsFromNothing() {
        long started = System.nanoTime();
        suite.oracles();
        suite.progress("oracles", started);
        assertNone(Kind.ORACLE);
    }

    @Test
    @Order(5)
    void hostileInputIsRefusedCleanlyAndWritesNothing() {
        long started = System.nanoTime();
        suite.hostile();
        suite.progress("hostile corpus", started);
        assertNone(Kind.HOSTILE);
        assertNone(Kind.PARTIAL_WRITE);
    }

    @Test
    @Order(6)
    void noAnswerWasA5xxOrHtmlOrUnreadableCrossOrigin() {
        assertNone(Kind.SERVER_ERROR);
        assertNone(Kind.HTML);
        assertNone(Kind.CORS);
    }

    @AfterAll
    void report() {
        if (suite != null) {
            suite.ledger.write();
            System.out.println(suite.ledger.report(SHOWN_PER_KIND));
            suite.close();
        }
    }

    private void assertNone(Kind kind) {
        List<String> found = suite.ledger.findings(kind);
        assertEquals(0, found.size(), kind.title + ":\n  " + String.join("\n  ",
                found.subList(0, Math.min(found.size(), SHOWN_PER_KIND))));
    }
}
