package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.EventType;

/** Event types: public to read, managed by admins. */
@ApplicationScoped
public class EventTypeRules implements ResourceRules<EventType> {

    static final ResourceType<EventType> TYPE = ResourceType.define("event-type", "event-types", EventType.class,
                    EventType::new)
            .string("name", t -> t.name, (t, v) -> t.name = v).required().notBlank()
            .string("slug", t -> t.slug, null)
            .timestamps()
            .inverse("events", "event", "eventTypeId")
            .defaultOrder("x.name asc")
            .build();

    private final TaxonomySnapshots snapshots;

    public EventTypeRules(TaxonomySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public ResourceType<EventType> type() {
        return TYPE;
    }

    @Override
    public void checkListAll(Access access) {
    }

    @Override
    public Uni<Void> validate(Access access, EventType eventType, Changes<EventType> changes) {
        return SlugRule.assign(eventType, changes, "EventType", null, null);
    }

    @Override
    public Uni<Void> saved(Access access, EventType eventType, Change change) {
        return snapshots.publish(eventType, change);
    }
}
