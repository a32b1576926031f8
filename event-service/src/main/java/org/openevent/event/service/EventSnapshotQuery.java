package org.openevent.event.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.resource.Ids;
import org.openevent.event.domain.Event;

/** An event's current snapshot as an envelope, for services whose projection lacks what a request needs. */
@ApplicationScoped
public class EventSnapshotQuery {

    private final EventSnapshots snapshots;
    private final ObjectMapper mapper;

    public EventSnapshotQuery(EventSnapshots snapshots, ObjectMapper mapper) {
        this.snapshots = snapshots;
        this.mapper = mapper;
    }

    /** By numeric id or identifier, deleted events included (their deletion must reach the projections too). */
    public Uni<Envelope> current(String reference) {
        Uni<Event> found = Ids.isId(reference) ? Event.findById(Long.parseLong(reference))
                : Event.find("identifier", reference).firstResult();
        return found.flatMap(event -> {
            if (event == null) {
                return Uni.createFrom().failure(ApiException.notFound("Event"));
            }
            return snapshots.of(event).map(payload -> new Envelope("snapshot-" + UUID.randomUUID(),
                    MessageTypes.EVENT_UPSERTED, Outbox.SCHEMA_VERSION, "event", String.valueOf(event.id),
                    event.version, OffsetDateTime.now(ZoneOffset.UTC), mapper.valueToTree(payload)));
        });
    }
}
