package org.openevent.session.service;

import jakarta.inject.Singleton;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SessionTypePayload;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.messaging.Outbox;
import org.openevent.session.domain.SessionType;
import org.openevent.session.repository.SessionTypeRepository;
import org.openevent.session.repository.ScheduleVersionRepository;
import org.openevent.session.rest.SessionTypeAttributes;

/** Session types: written by the event's managers, readable wherever the event is. */
// Singleton: a client proxy would need a no-args constructor, which the shared base class does not have.
@Singleton
public class SessionTypeService extends EventChildService<SessionType, SessionTypeAttributes> {

    public SessionTypeService(SessionTypeRepository repository, EventAccessService access, Outbox outbox,
                              ScheduleVersionRepository scheduleVersions) {
        super(repository, access, outbox, scheduleVersions, "Session type", "session-type", MessageTypes.SESSION_TYPE_UPSERTED);
    }

    @Override
    protected SessionType build(SessionTypeAttributes attributes, EventAccess access) {
        SessionType type = new SessionType();
        type.name = attributes.name();
        type.length = orElse(attributes.length(), SessionType.DEFAULT_LENGTH);
        type.position = orElse(attributes.position(), 0);
        return type;
    }

    @Override
    protected void apply(SessionType type, SessionTypeAttributes attributes, EventAccess access) {
        type.name = orElse(attributes.name(), type.name);
        type.length = orElse(attributes.length(), type.length);
        type.position = orElse(attributes.position(), type.position);
    }

    @Override
    protected Object payload(SessionType type, long scheduleVersion) {
        return new SessionTypePayload(type.id, type.eventId, scheduleVersion, type.name, type.length, type.deletedAt);
    }

    @Override
    public ResourceFields fields() {
        return QueryableFields.SESSION_TYPE;
    }

    @Override
    public String defaultOrder() {
        return "x.position asc";
    }
}
