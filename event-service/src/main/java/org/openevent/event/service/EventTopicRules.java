package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.config.SiteConfig;
import org.openevent.event.domain.EventTopic;

/**
 * Event topics: public to read, managed by admins. A topic without an image of its own is served with the
 * configured default image, which is also what new events of the topic without an image get.
 */
@ApplicationScoped
public class EventTopicRules implements ResourceRules<EventTopic> {

    private final ResourceType<EventTopic> type;
    private final TaxonomySnapshots snapshots;

    public EventTopicRules(SiteConfig site, TaxonomySnapshots snapshots) {
        this.snapshots = snapshots;
        String fallback = site.topicImageFallback();
        type = ResourceType.define("event-topic", "event-topics", EventTopic.class, EventTopic::new)
                .string("name", t -> t.name, (t, v) -> t.name = v).required().notBlank()
                .url("systemImageUrl", t -> t.systemImageUrl == null ? fallback : t.systemImageUrl,
                        (t, v) -> t.systemImageUrl = v)
                .string("slug", t -> t.slug, null)
                .timestamps()
                .inverse("events", "event", "eventTopicId")
                .inverse("event-sub-topics", "event-sub-topic", "eventTopicId")
                .defaultOrder("x.name asc")
                .build();
    }

    @Override
    public ResourceType<EventTopic> type() {
        return type;
    }

    @Override
    public void checkListAll(Access access) {
    }

    @Override
    public Uni<Void> validate(Access access, EventTopic topic, Changes<EventTopic> changes) {
        return SlugRule.assign(topic, changes, "EventTopic", null, null);
    }

    @Override
    public Uni<Void> saved(Access access, EventTopic topic, Change change) {
        return snapshots.publish(topic, change);
    }
}
