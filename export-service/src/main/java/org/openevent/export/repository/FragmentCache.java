package org.openevent.export.repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.cache.ByteBoundedLru;
import org.openevent.common.cache.CacheMeters;
import org.openevent.export.config.ExportConfig;

/**
 * Fragment contents kept in memory by fragment id, so files and feeds stream without reading them back from the
 * database. A fragment id always names the same bytes (a changed session gets a new fragment), so nothing here is
 * ever stale and replicas need no coordination. Filled as the fragments of files up to half its size are rendered
 * and as such files and feeds are streamed; bounded in bytes, least recently used out first.
 */
@ApplicationScoped
public class FragmentCache {

    private final ByteBoundedLru<Long, byte[]> kept;
    private final long maxBytes;
    private final Counter hits;
    private final Counter misses;

    public FragmentCache(ExportConfig config, MeterRegistry registry) {
        long max = config.fragmentCacheBytes();
        this.maxBytes = max;
        this.kept = new ByteBoundedLru<>(max, max, bytes -> bytes.length);
        CacheMeters meters = new CacheMeters(registry, "openevent.export.fragment.cache", kept,
                "Bytes of rendered session fragments kept in memory",
                "Fragments needed while streaming: found in memory, or read from the database");
        this.hits = meters.lookups("hit");
        this.misses = meters.lookups("miss");
    }

    /**
     * Whether a file of this size is worth keeping: one larger than half the cache would only push out what smaller
     * files need and be pushed out itself before its next download (a sequential read through a too small LRU never
     * hits), and rendering or streaming it must not grow the heap by the cache's size.
     */
    boolean worthKeeping(long fileBytes) {
        return fileBytes >= 0 && fileBytes <= maxBytes / 2;
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
