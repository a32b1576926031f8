package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.EventSubTopic;

/** Event sub-topics: public to read, managed by admins, each within one topic; removed for good when deleted. */
@ApplicationScoped
public class EventSubTopicRules implements ResourceRules<EventSubTopic> {

    static final ResourceType<EventSubTopic> TYPE = ResourceType.define("event-sub-topic", "event-sub-topics",
                    EventSubTopic.class, EventSubTopic::new)
            .string("name", t -> t.name, (t, v) -> t.name = v).required().notBlank()
            .string("slug", t -> t.slug, null)
            .toOne("event-topic", "event-topic", "eventTopicId", t -> t.eventTopicId, (t, v) -> t.eventTopicId = v)
            .writable().requiredRelationship()
            .inverse("events", "event", "eventSubTopicId")
            .empty("custom-placeholder", false, "custom-placeholder", "Custom placeholders are not offered.")
            .defaultOrder("x.name asc")
            .hardDelete()
            .build();

    private final TaxonomySnapshots snapshots;

    public EventSubTopicRules(TaxonomySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public ResourceType<EventSubTopic> type() {
        return TYPE;
    }

    @Override
    public void checkListAll(Access access) {
    }

    @Override
    public Uni<Void> validate(Access access, EventSubTopic subTopic, Changes<EventSubTopic> changes) {
        Long topic = changes.hasRelationship("event-topic") ? changes.toOne("event-topic") : subTopic.eventTopicId;
        if (!changes.creating() && !changes.has("name") && !changes.hasRelationship("event-topic")) {
            return Uni.createFrom().voidItem();
        }
        String name = changes.has("name") ? changes.value("name") : subTopic.name;
        return Slugs.assign(subTopic, name, "EventSubTopic", "s.eventTopicId = :scope", topic);
    }

    @Override
    public Uni<Void> saved(Access access, EventSubTopic subTopic, Change change) {
        return snapshots.publish(subTopic, change);
    }
}
