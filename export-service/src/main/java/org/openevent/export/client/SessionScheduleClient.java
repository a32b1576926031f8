package org.openevent.export.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.openevent.common.contract.ScheduleVersion;
import org.openevent.common.internal.InternalHeaders;

/** session-service's internal route that reports an event's committed schedule version. */
@RegisterRestClient(configKey = "session-service")
@RegisterClientHeaders(InternalHeaders.class)
@Path("/internal/events/{eventId}/schedule-version")
@Produces(MediaType.APPLICATION_JSON)
public interface SessionScheduleClient {

    @GET
    Uni<ScheduleVersion> scheduleVersion(@PathParam("eventId") long eventId);
}
