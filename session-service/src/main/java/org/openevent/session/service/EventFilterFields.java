package org.openevent.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.query.FieldType;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.resource.QueryableProjection;

/** What filters may test of a session's or speaker's event here ({@code session has event {...}}). */
@ApplicationScoped
public class EventFilterFields implements QueryableProjection {

    private static final ResourceFields FIELDS = ResourceFields.of("event", "ProjectedEvent")
            .field("id", "id", FieldType.LONG)
            .field("identifier", "identifier", FieldType.STRING)
            .field("name", "name", FieldType.STRING)
            .field("state", "state", FieldType.STRING)
            .field("privacy", "privacy", FieldType.STRING)
            .field("starts-at", "startsAt", FieldType.DATETIME)
            .field("ends-at", "endsAt", FieldType.DATETIME)
            .field("timezone", "timezone", FieldType.STRING)
            .field("schedule-published-on", "schedulePublishedOn", FieldType.DATETIME);

    @Override
    public ResourceFields fields() {
        return FIELDS;
    }
}
