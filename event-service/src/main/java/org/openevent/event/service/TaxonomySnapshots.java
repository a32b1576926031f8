package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.TaxonomyPayload;
import org.openevent.common.contract.Topics;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.resource.ResourceRules.Change;
import org.openevent.event.domain.EventSubTopic;
import org.openevent.event.domain.EventTopic;
import org.openevent.event.domain.EventType;

/**
 * Publishes event types, topics and sub-topics ({@code <kind>.upserted} on {@link Topics#EVENTS}, keyed
 * {@code <kind>-<id>}) inside the changing transaction, so the statistics can name what events point at.
 */
@ApplicationScoped
public class TaxonomySnapshots {

    private final Outbox outbox;

    public TaxonomySnapshots(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(EventType t, Change change) {
        return publish(MessageTypes.EVENT_TYPE_UPSERTED, "event-type", t.id, t.version, t.name, t.slug, null,
                t.deletedAt);
    }

    public Uni<Void> publish(EventTopic t, Change change) {
        return publish(MessageTypes.EVENT_TOPIC_UPSERTED, "event-topic", t.id, t.version, t.name, t.slug, null,
                t.deletedAt);
    }

    /** Sub-topics are removed for good: their last snapshot says so with {@code deletedAt}. */
    public Uni<Void> publish(EventSubTopic t, Change change) {
        if (change == Change.REMOVED) {
            t.changed();
        }
        return publish(MessageTypes.EVENT_SUB_TOPIC_UPSERTED, "event-sub-topic", t.id, t.version, t.name, t.slug,
                t.eventTopicId, change == Change.REMOVED ? OffsetDateTime.now(ZoneOffset.UTC) : t.deletedAt);
    }

    private Uni<Void> publish(String type, String kind, long id, long version, String name, String slug,
                              Long parentId, OffsetDateTime deletedAt) {
        return outbox.publish(Topics.EVENTS, type, kind, kind + "-" + id, version,
                new TaxonomyPayload(id, kind, name, slug, parentId, deletedAt));
    }
}
