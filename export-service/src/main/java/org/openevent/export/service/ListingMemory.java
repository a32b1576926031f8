package org.openevent.export.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.cache.ByteBoundedLru;
import org.openevent.common.cache.CacheMeters;
import org.openevent.export.config.ExportConfig;

/**
 * Remembers, per event, format and treatment of cancellations, the ordered listing the last calendar of the event's
 * whole schedule was planned from: per session its id, listed times, render generation and fragment. A listing holds
 * every change up to its schedule version, so the next plan of that schedule starts from it and reads only the
 * sessions marked by a later change. It is only a starting point, valid for one event version and feed epoch; each
 * replica remembers its own, bounded in bytes, least recently used out first.
 */
@ApplicationScoped
public class ListingMemory {

    /** Bytes a remembered listing takes per session: four longs of order and identity, one of fragment, its length. */
    static final int BYTES_PER_SESSION = 5 * Long.BYTES + Integer.BYTES;

    /** Which listing: an event's whole schedule in one format, with or without its cancellations. */
    public record Key(long eventId, String format, boolean withCancelled) {
    }

    /**
     * An ordered listing and what it is valid for. The arrays share one index per session, in file order (listed
     * start, then id); times are microseconds since the epoch, {@link #NO_TIME} where there is none.
     */
    public record Listing(long scheduleVersion, long eventVersion, long feedEpoch, long[] sessionIds, long[] startsAt,
                          long[] endsAt, long[] renderGens, long[] fragmentIds, int[] fragmentLengths) {

        /** A missing listed time; it sorts after every other, as PostgreSQL sorts a null last. */
        public static final long NO_TIME = Long.MAX_VALUE;

        public int size() {
            return sessionIds.length;
        }
    }

    private final ByteBoundedLru<Key, Listing> listings;
    private final Counter hits;
    private final Counter misses;

    public ListingMemory(ExportConfig config, MeterRegistry registry) {
        long max = Math.max(0, config.listingMemoryBytes());
        this.listings = new ByteBoundedLru<>(max, max, listing -> (long) listing.size() * BYTES_PER_SESSION + 64);
        CacheMeters meters = new CacheMeters(registry, "openevent.export.listing.memory", listings,
                "Bytes of remembered schedule listings that plans start from",
                "Plans of a whole schedule: started from a remembered listing, or from a full pass");
        this.hits = meters.lookups("hit");
        this.misses = meters.lookups("miss");
    }

    /** The remembered listing, when there is one for this event version and feed epoch; otherwise null. */
    public Listing recall(Key key, long eventVersion, long feedEpoch) {
        Listing listing = listings.get(key);
        boolean valid = listing != null && listing.eventVersion() == eventVersion && listing.feedEpoch() == feedEpoch;
        (valid ? hits : misses).increment();
        return valid ? listing : null;
    }

    public void remember(Key key, Listing listing) {
        listings.put(key, listing);
    }

    /** Forgets every listing; the next plans read whole listings again. */
    public void clear() {
        listings.clear();
    }
}
