package org.openevent.common.jsonapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the cache of anonymous documents ({@link PublicDocuments}). */
@ConfigMapping(prefix = "openevent.document-cache")
public interface DocumentCacheConfig {

    /** Total bytes of documents kept; 0 turns the cache off. */
    @WithDefault("67108864")
    long maxBytes();

    /** A larger document is served but not kept. */
    @WithDefault("16777216")
    long maxDocumentBytes();
}
