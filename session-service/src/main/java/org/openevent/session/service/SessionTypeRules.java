package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SessionTypePayload;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Check;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.SessionType;

/** Session types: written by an event's co-organizers; {@code length} is {@code HH:MM}, 30 minutes by default. */
@ApplicationScoped
public class SessionTypeRules implements ResourceRules<SessionType> {

    static final ResourceType<SessionType> TYPE = ResourceType.define("session-type", "session-types",
                    SessionType.class, SessionType::new)
            .string("name", t -> t.name, (t, v) -> t.name = v).required().notBlank()
            .string("length", t -> t.length, (t, v) -> t.length = v).notNull().defaultTo(SessionType.DEFAULT_LENGTH)
            .check(Check.pattern("([01][0-9]|2[0-3]):[0-5][0-9]", "Length should be in the format HH:MM"))
            .integer("position", t -> t.position, (t, v) -> t.position = v).notNull().defaultTo(0)
            .timestamps()
            .childOfEvent()
            .inverse("sessions", "session", "sessionTypeId").writable()
            .defaultOrder("x.position asc, x.name asc")
            .build();

    private final SchedulePublisher publisher;
    private final SessionPlacement placement;

    public SessionTypeRules(SchedulePublisher publisher, SessionPlacement placement) {
        this.publisher = publisher;
        this.placement = placement;
    }

    /** Sessions given or taken this type on its relationship route. */
    @Override
    public Uni<Void> replaceMembers(SessionType type, String relationship, List<Long> ids) {
        return placement.place("sessionTypeId", type.id, ids, s -> s.sessionTypeId, (s, v) -> s.sessionTypeId = v);
    }

    @Override
    public ResourceType<SessionType> type() {
        return TYPE;
    }

    @Override
    public Uni<Void> saved(Access access, SessionType t, Change change) {
        return publisher.publish(t, change, MessageTypes.SESSION_TYPE_UPSERTED, "session-type",
                version -> new SessionTypePayload(t.id, t.eventId, version, t.name, t.length, t.deletedAt));
    }
}
