package org.openevent.export.repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.cache.ByteBoundedLru;
import org.openevent.export.config.ExportConfig;

/**
 * Fragment contents kept in memory by fragment id, so files and feeds stream without reading them back from the
 * database. A fragment id always names the same bytes (a changed session gets a new fragment), so nothing here is
 * ever stale and replicas need no coordination. Bounded in bytes, least recently used out first.
 */
@ApplicationScoped
public class FragmentCache {

    private final ByteBoundedLru<Long, byte[]> kept;
    private final Counter hits;
    private final Counter misses;

    public FragmentCache(ExportConfig config, MeterRegistry registry) {
        long max = config.fragmentCacheBytes();
        this.kept = new ByteBoundedLru<>(max, max, bytes -> bytes.length);
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
        Gauge.builder("openevent.export.fragment.cache.bytes", kept, ByteBoundedLru::bytes)
                .description("Bytes of rendered session fragments kept in memory").register(registry);
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("openevent.export.fragment.cache.lookups").tag("result", result)
                .description("Fragments needed while streaming: found in memory, or read from the database")
                .register(registry);
    }

    /** The fragment's bytes, or null when they must be read. */
    byte[] get(long fragmentId) {
        byte[] found = kept.get(fragmentId);
        (found != null ? hits : misses).increment();
        return found;
    }

    void put(long fragmentId, byte[] content) {
        kept.put(fragmentId, content);
    }

    /** Forgets everything kept; streaming then reads fragments from the database again (and keeps them). */
    public void clear() {
        kept.clear();
    }
}
