package org.openevent.common.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.security.Caller;

/** The probe type exposed the way services expose theirs, so the OpenAPI scan sees the kit's templates. */
final class ProbeItemEndpoints {

    private ProbeItemEndpoints() {
    }

    /** {@code /v1/probe-items}. */
    @Path("/v1/probe-items")
    public static class ProbeItems extends JsonApiEndpoint {
        public ProbeItems(ResourceEngine engine, Caller caller) {
            super(engine, caller, "probe-item");
        }
    }

    /** {@code /v1/events/<ref>/probe-items}. */
    @Path("/v1/events/{ref}")
    public static class EventProbeItems extends EventChildrenEndpoint {
        public EventProbeItems(ResourceEngine engine, Caller caller) {
            super(engine, caller);
        }
    }

    /** {@code /v1/users/<id>/probe-items}. */
    @Path("/v1/users/{userId}")
    public static class UserProbeItems extends UserChildrenEndpoint {
        public UserProbeItems(ResourceEngine engine, Caller caller) {
            super(engine, caller);
        }
    }
}
