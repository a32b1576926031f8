package org.openevent.common.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work gated on the parser's warm-up waits for it, and only for it. */
class StartupSettlingTests {

    @Test
    void scheduledRunsAreSkippedUntilTheParserIsWarmThenRun() throws Exception {
        StartupSettling settling = new StartupSettling();
        UntilParserWarm gate = new UntilParserWarm(settling);
        settling.onStart(null);
        // The warm-up starts DELAY_MS after the start, so right now the parser is certainly cold.
        assertFalse(settling.isParserWarm());
        assertTrue(gate.test(null), "a run right after the start is skipped");

        settling.parserWarmed().toCompletableFuture().get(StartupSettling.DELAY_MS + 60_000, TimeUnit.MILLISECONDS);
        assertTrue(settling.isParserWarm());
        assertFalse(gate.test(null), "a run after the warm-up goes ahead");
    }
}
