package org.openevent.common.contract;

import java.time.OffsetDateTime;

/**
 * Snapshot of an event type, topic or sub-topic ({@code event-type.upserted}, {@code event-topic.upserted},
 * {@code event-sub-topic.upserted} on {@code openevent.events}, keyed {@code <kind>-<id>}); events name them by id.
 */
public record TaxonomyPayload(long id, String kind, String name, String slug, Long parentId,
                              OffsetDateTime deletedAt) {
}
