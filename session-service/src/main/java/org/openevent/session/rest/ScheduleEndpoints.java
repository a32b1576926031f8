package org.openevent.session.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.EventChildrenEndpoint;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;

/** The HTTP routes of the schedule's resource types; everything about them is in their declarations. */
final class ScheduleEndpoints {

    private ScheduleEndpoints() {
    }

    /** {@code /v1/tracks}. */
    @Path("/v1/tracks")
    public static class Tracks extends JsonApiEndpoint {
        public Tracks(ResourceEngine engine, Caller caller) {
            super(engine, caller, "track");
        }
    }

    /** {@code /v1/microlocations}. */
    @Path("/v1/microlocations")
    public static class Microlocations extends JsonApiEndpoint {
        public Microlocations(ResourceEngine engine, Caller caller) {
            super(engine, caller, "microlocation");
        }
    }

    /** {@code /v1/session-types}. */
    @Path("/v1/session-types")
    public static class SessionTypes extends JsonApiEndpoint {
        public SessionTypes(ResourceEngine engine, Caller caller) {
            super(engine, caller, "session-type");
        }
    }

    /** {@code /v1/speakers}. */
    @Path("/v1/speakers")
    public static class Speakers extends JsonApiEndpoint {
        public Speakers(ResourceEngine engine, Caller caller) {
            super(engine, caller, "speaker");
        }
    }

    /** {@code /v1/events/<id or identifier>/<collection>} for the schedule's collections. */
    @Path("/v1/events/{ref}")
    public static class EventProgramme extends EventChildrenEndpoint {
        public EventProgramme(ResourceEngine engine, Caller caller) {
            super(engine, caller);
        }
    }
}
