package org.openevent.event.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import org.openevent.event.domain.Event;

/** The attributes of an event resource as served. */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record EventView(String identifier, String name, String description, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, String timezone, String locationName, Double latitude,
                        Double longitude, String externalEventUrl, String state, OffsetDateTime createdAt,
                        OffsetDateTime deletedAt) {

    public static EventView of(Event e) {
        return new EventView(e.identifier, e.name, e.description, e.startsAt, e.endsAt, e.timezone,
                e.locationName, e.latitude, e.longitude, e.externalEventUrl, e.state, e.createdAt, e.deletedAt);
    }
}
