package org.openevent.common.jsonapi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.openevent.common.cache.ByteBoundedLru;
import org.openevent.common.cache.CacheMeters;
import org.openevent.common.resource.DocumentVersions;
import org.openevent.common.resource.IncludeTree;

/**
 * Keeps the serialized anonymous documents of single resources and lists, keyed by path and query and valid for one content
 * token of the service's {@link DocumentVersions}. The token is read before rendering, so a kept document is never
 * older than its token; a write committed before a request gives a new token, and the request renders afresh
 * (read-your-writes). Bounded in bytes, least recently used first out.
 */
@ApplicationScoped
public class PublicDocuments {

    /** Request property: the {@link Lookup} under which to keep the answer this request renders. */
    public static final String PENDING = PublicDocuments.class.getName() + ".pending";

    /** What a request found: the kept body, or the key and token to keep its rendering under (both null: neither). */
    public record Lookup(PreparedBody body, String key, String token) {
        static final Lookup NONE = new Lookup(null, null, null);
    }

    /** Null in services that declare no versions: nothing is kept there. */
    private final DocumentVersions versions;
    private final long maxBytes;
    private final ByteBoundedLru<String, Kept> kept;
    private final Counter hits;
    private final Counter misses;
    private final Counter uncovered;

    @jakarta.inject.Inject
    public PublicDocuments(Instance<DocumentVersions> versions, DocumentCacheConfig config, MeterRegistry registry) {
        this(versions.isResolvable() ? versions.get() : null, config.maxBytes(), config.maxDocumentBytes(), registry);
    }

    PublicDocuments(DocumentVersions versions, long maxBytes, long maxDocumentBytes, MeterRegistry registry) {
        this.versions = versions;
        this.maxBytes = maxBytes;
        this.kept = new ByteBoundedLru<>(maxBytes, maxDocumentBytes, found -> found.body().bytes().length);
        CacheMeters meters = new CacheMeters(registry, "openevent.document.cache", kept,
                "Bytes of anonymous documents kept",
                "Anonymous reads looked up: answered from the cache, rendered and kept, or not coverable");
        this.hits = meters.lookups("hit");
        this.misses = meters.lookups("miss");
        this.uncovered = meters.lookups("uncovered");
    }

    /** True when this service caches the anonymous reads of {@code collection}. */
    public boolean covers(String collection) {
        return maxBytes > 0 && versions != null && versions.collection().equals(collection);
    }

    /**
     * The kept document for an anonymous read of {@code reference} (null: a list of the collection), or how to keep
     * the one about to be rendered.
     */
    public Uni<Lookup> lookUp(String collection, String reference, String include, String rawQuery) {
        IncludeTree tree;
        try {
            tree = IncludeTree.parse(include);
        } catch (RuntimeException malformed) {
            uncovered.increment();
            return Uni.createFrom().item(Lookup.NONE);
        }
        String key = collection + (reference == null ? "" : "/" + reference) + "?" + (rawQuery == null ? "" : rawQuery);
        // Without a token (or when reading it fails) the request is simply rendered and nothing is kept.
        return Uni.createFrom().deferred(() -> versions.token(reference, tree)).map(token -> {
            if (token == null) {
                uncovered.increment();
                return Lookup.NONE;
            }
            PreparedBody body = keptBody(key, token);
            (body != null ? hits : misses).increment();
            return body != null ? new Lookup(body, key, token) : new Lookup(null, key, token);
        }).onFailure().recoverWithItem(() -> {
            uncovered.increment();
            return Lookup.NONE;
        });
    }

    /** Keeps a rendered document under the token read before its rendering began. */
    public void keep(String key, String token, PreparedBody body) {
        kept.put(key, new Kept(token, body));
    }

    double keptBytes() {
        return kept.bytes();
    }

    private PreparedBody keptBody(String key, String token) {
        Kept found = kept.get(key);
        return found != null && found.token().equals(token) ? found.body() : null;
    }

    private record Kept(String token, PreparedBody body) {
    }
}
