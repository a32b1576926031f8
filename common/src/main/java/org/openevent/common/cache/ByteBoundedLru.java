package org.openevent.common.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map of immutable values bounded by their total size in bytes, least recently used out first; thread-safe. A value
 * larger than the per-entry bound is not kept; a bound of 0 keeps nothing.
 */
public final class ByteBoundedLru<K, V> {

    private final long maxBytes;
    private final long maxEntryBytes;
    private final ToLongFunction<V> sizeOf;
    private final Map<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public ByteBoundedLru(long maxBytes, long maxEntryBytes, ToLongFunction<V> sizeOf) {
        this.maxBytes = Math.max(0, maxBytes);
        this.maxEntryBytes = Math.min(Math.max(0, maxEntryBytes), this.maxBytes);
        this.sizeOf = sizeOf;
    }

    /** The value kept under {@code key}, now the most recently used, or null. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value} under {@code key}, evicting the least recently used beyond the bound; false if too large. */
    public synchronized boolean put(K key, V value) {
        long size = sizeOf.applyAsLong(value);
        if (size > maxEntryBytes) {
            return false;
        }
        V previous = entries.put(key, value);
        bytes += size - (previous == null ? 0 : sizeOf.applyAsLong(previous));
        Iterator<V> oldest = entries.values().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= sizeOf.applyAsLong(oldest.next());
            oldest.remove();
        }
        return true;
    }

    /** Forgets everything. */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** The total size of what is kept. */
    public synchronized long bytes() {
        return bytes;
    }

    /** How many values are kept. */
    public synchronized int size() {
        return entries.size();
    }
}
