package org.openevent.session.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openevent.common.contract.ScheduleVersion;
import org.openevent.session.repository.ScheduleVersionRepository;

/** Service-to-service: an event's committed schedule version, which an export request waits for. */
@Path("/internal/events/{eventId}/schedule-version")
@Produces(MediaType.APPLICATION_JSON)
public class InternalScheduleResource {

    private final ScheduleVersionRepository versions;

    public InternalScheduleResource(ScheduleVersionRepository versions) {
        this.versions = versions;
    }

    @GET
    @WithSession
    public Uni<ScheduleVersion> current(@PathParam("eventId") long eventId) {
        return versions.current(eventId).map(version -> new ScheduleVersion(eventId, version));
    }
}
