package org.openevent.common.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** A cache's meters: {@code <name>.lookups} counted by result, and {@code <name>.bytes}, the size of what it keeps. */
public final class CacheMeters {

    private final MeterRegistry registry;
    private final String name;
    private final String lookupsDescription;

    public CacheMeters(MeterRegistry registry, String name, ByteBoundedLru<?, ?> cache, String bytesDescription,
                       String lookupsDescription) {
        this.registry = registry;
        this.name = name;
        this.lookupsDescription = lookupsDescription;
        Gauge.builder(name + ".bytes", cache, ByteBoundedLru::bytes).description(bytesDescription).register(registry);
    }

    /** The counter of lookups with this result (hit, miss, ...). */
    public Counter lookups(String result) {
        return Counter.builder(name + ".lookups").tag("result", result).description(lookupsDescription)
                .register(registry);
    }
}
