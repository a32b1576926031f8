package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.EventCopyright;

/** An event's copyright: at most one live per event, public with it, written by its co-organizers. */
@ApplicationScoped
public class EventCopyrightRules implements ResourceRules<EventCopyright> {

    static final ResourceType<EventCopyright> TYPE = ResourceType.define("event-copyright", "event-copyrights",
                    EventCopyright.class, EventCopyright::new)
            .string("holder", c -> c.holder, (c, v) -> c.holder = v)
            .url("holderUrl", c -> c.holderUrl, (c, v) -> c.holderUrl = v)
            .string("licence", c -> c.licence, (c, v) -> c.licence = v).required().notBlank()
            .url("licenceUrl", c -> c.licenceUrl, (c, v) -> c.licenceUrl = v)
            .integer("year", c -> c.year, (c, v) -> c.year = v)
            .check(value -> value instanceof Integer year && (year < 1900 || year > Year.now().getValue())
                    ? "Invalid value." : null)
            .url("logoUrl", c -> c.logoUrl, (c, v) -> c.logoUrl = v)
            .timestamps()
            .childOfEvent()
            .build();

    @Override
    public ResourceType<EventCopyright> type() {
        return TYPE;
    }

    @Override
    public Uni<Void> validate(Access access, EventCopyright copyright, Changes<EventCopyright> changes) {
        return OnePerEvent.check(changes, "EventCopyright", access.eventId(), "Event already has a copyright.");
    }
}
