package org.openevent.export.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.projection.ProjectedEvent;
import org.openevent.common.resource.Ids;

/** Events as this service knows them: the shared event projection, kept current from event-service. */
@ApplicationScoped
public class EventRepository {

    /** A live event by numeric id or by its identifier, as the original server resolves path segments. */
    public Uni<ProjectedEvent> findLive(String reference) {
        Uni<ProjectedEvent> found = Ids.isId(reference) ? ProjectedEvent.findById(Long.parseLong(reference))
                : ProjectedEvent.find("identifier", reference).firstResult();
        return found.map(event -> event == null || event.identifier == null || event.deletedAt != null ? null : event);
    }
}
