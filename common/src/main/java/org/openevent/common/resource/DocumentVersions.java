package org.openevent.common.resource;

import io.smallrye.mutiny.Uni;

/**
 * What a service declares to have the anonymous documents of one collection cached: a token that
 * changes with every committed change of anything such a document may show (its own rows, and the rows other
 * services render into it).
 */
public interface DocumentVersions {

    /** The collection ({@code events}) whose reads ({@code /v1/events} and {@code /v1/events/{id}}) are covered. */
    String collection();

    /**
     * The token of the anonymous document of {@code reference} (null: of the collection's lists) with
     * {@code include}, or null when nothing can vouch for every part of it (unknown resource, an include no version
     * covers, an owner that did not answer): the document is then rendered as usual and not kept.
     */
    Uni<String> token(String reference, IncludeTree include);
}
