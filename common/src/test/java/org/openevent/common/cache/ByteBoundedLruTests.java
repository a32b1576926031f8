package org.openevent.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The byte bound, the least-recently-used order, replacement accounting and the per-entry bound. */
class ByteBoundedLruTests {

    private final ByteBoundedLru<String, byte[]> lru = new ByteBoundedLru<>(100, 60, bytes -> bytes.length);

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheBound() {
        lru.put("a", new byte[40]);
        lru.put("b", new byte[40]);
        assertNotNull(lru.get("a"), "a is now the most recently used");
        lru.put("c", new byte[40]);
        assertNull(lru.get("b"));
        assertNotNull(lru.get("a"));
        assertNotNull(lru.get("c"));
        assertEquals(80, lru.bytes());
        assertEquals(2, lru.size());
    }

    @Test
    void replacingAValueCountsOnlyTheNewSize() {
        lru.put("a", new byte[50]);
        lru.put("a", new byte[10]);
        assertEquals(10, lru.bytes());
        lru.put("b", new byte[60]);
        lru.put("c", new byte[30]);
        assertEquals(100, lru.bytes(), "all three fit after the replacement");
    }

    @Test
    void aValueAboveThePerEntryBoundIsNotKept() {
        lru.put("small", new byte[10]);
        assertFalse(lru.put("large", new byte[61]));
        assertNull(lru.get("large"));
        assertNotNull(lru.get("small"), "nothing was evicted for it");
        assertTrue(lru.put("edge", new byte[60]));
        lru.clear();
        assertEquals(0, lru.bytes());
        assertNull(lru.get("edge"));
        ByteBoundedLru<String, byte[]> off = new ByteBoundedLru<>(0, 0, bytes -> bytes.length);
        assertFalse(off.put("any", new byte[1]), "a bound of 0 keeps nothing");
    }
}
