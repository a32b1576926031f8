package org.openevent.common.runtime;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Skips a scheduled run while the HQL parser is still cold ({@code skipExecutionIf = UntilParserWarm.class}), so a
 * sweep that starts soon after the start does not parse its first statement on an event loop; the next run does it.
 */
@Singleton
public class UntilParserWarm implements Scheduled.SkipPredicate {

    private final StartupSettling settling;

    public UntilParserWarm(StartupSettling settling) {
        this.settling = settling;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !settling.isParserWarm();
    }
}
