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
}
