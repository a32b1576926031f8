package org.openevent.session.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openevent.common.contract.ContentVersion;
import org.openevent.common.persistence.EventContentVersions;

/**
 * Service-to-service: an event's committed content version here, by which event-service keeps the anonymous event
 * documents that include sessions, speakers, tracks or rooms.
 */
@Path("/internal/events/{eventId}/content-version")
@Produces(MediaType.APPLICATION_JSON)
public class InternalContentVersionResource {

    private final EventContentVersions versions;

    public InternalContentVersionResource(EventContentVersions versions) {
        this.versions = versions;
    }

    @GET
    public Uni<ContentVersion> current(@PathParam("eventId") long eventId) {
        return versions.current(eventId).map(version -> new ContentVersion(eventId, version));
    }
}
