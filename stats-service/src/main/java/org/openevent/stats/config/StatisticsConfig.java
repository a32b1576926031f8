package org.openevent.stats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the statistics ({@code openevent.statistics.*}). */
@ConfigMapping(prefix = "openevent.statistics")
public interface StatisticsConfig {

    /**
     * How often published events that have ended are moved into the past figures. Reads count them as past at
     * once whatever this is; it bounds how many such events a read has to count from the end-time index.
     */
    @WithDefault("1m")
    Duration rollOverInterval();

    /** The reconciliation command. */
    Reconciliation reconciliation();

    /** Settings of the reconciliation (replay of the topics, recount, comparison). */
    interface Reconciliation {

        /** Records taken per poll while replaying, and snapshots kept per statement. */
        @WithDefault("2000")
        int batchSize();

        /** How long the comparison waits for the live consumers to have processed what the replay read. */
        @WithDefault("60s")
        Duration settleTimeout();

        /**
         * How often the comparison is tried when figures differ: messages that arrive between the replay and the
         * comparison make transient differences, so each retry first replays what arrived meanwhile.
         */
        @WithDefault("3")
        int attempts();
    }
}
