package org.openevent.common.jsonapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openevent.common.resource.DocumentVersions;
import org.openevent.common.resource.IncludeTree;

/** The cache of anonymous documents: valid for one token only, bounded in bytes, least recently used out first. */
class PublicDocumentsTests {

    private final Map<String, String> tokens = new HashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PublicDocuments documents = new PublicDocuments(new DocumentVersions() {
        @Override
        public String collection() {
            return "events";
        }

        @Override
        public Uni<String> token(String reference, IncludeTree include) {
            if ("broken".equals(reference)) {
                return Uni.createFrom().failure(new IllegalStateException("the owner did not answer"));
            }
            return Uni.createFrom().item(tokens.get(String.valueOf(reference)));
        }
    }, 100, 60, registry);

    @Test
    void aKeptDocumentServesOnlyItsOwnToken() {
        tokens.put("1", "v1");
        PublicDocuments.Lookup miss = lookUp("1");
        assertNull(miss.body());
        documents.keep(miss.key(), miss.token(), body(10));
        assertArrayEquals(body(10).bytes(), lookUp("1").body().bytes());
        tokens.put("1", "v2");
        PublicDocuments.Lookup changed = lookUp("1");
        assertNull(changed.body(), "a new token is a miss, whatever was kept before");
        assertEquals("v2", changed.token());
        assertNull(documents.lookUp("events", "1", "sessions", "include=sessions").await().indefinitely().body(),
                "another query is another document");
        assertEquals(1.0, registry.counter("openevent.document.cache.lookups", "result", "hit").count());
        assertEquals(3.0, registry.counter("openevent.document.cache.lookups", "result", "miss").count());
    }

    @Test
    void noTokenOrAFailingOwnerMeansNothingIsKept() {
        PublicDocuments.Lookup unknown = lookUp("404");
        assertNull(unknown.key());
        assertNull(lookUp("broken").key());
        assertNull(documents.lookUp("events", "1", "a..b", "include=a..b").await().indefinitely().key(),
                "a malformed include is left to the endpoint's 400");
        assertEquals(3.0, registry.counter("openevent.document.cache.lookups", "result", "uncovered").count());
    }

    @Test
    void theCacheStaysWithinItsBytesDroppingTheLeastRecentlyUsed() {
        for (String id : new String[] {"1", "2", "3"}) {
            tokens.put(id, "v");
            documents.keep(lookUp(id).key(), "v", body(40));
        }
        assertNull(lookUp("1").body(), "the oldest went when the third arrived (120 > 100 bytes)");
        assertNotNull(lookUp("2").body());
        tokens.put("4", "v");
        documents.keep(lookUp("4").key(), "v", body(40));
        assertNotNull(lookUp("2").body(), "read just before, so kept");
        assertNull(lookUp("3").body());
        documents.keep(lookUp("4").key(), "v", body(61));
        assertEquals(80.0, documents.keptBytes(), "a document over the per-document bound is not kept");
    }

    private PublicDocuments.Lookup lookUp(String reference) {
        return documents.lookUp("events", reference, null, null).await().indefinitely();
    }

    private static PreparedBody body(int size) {
        return PreparedBody.of("x".repeat(size).getBytes(StandardCharsets.UTF_8));
    }
}
