package org.openevent.event.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;

/** The admin-managed vocabularies events are classified by: topics, sub-topics, types and roles. */
public final class VocabularyEndpoints {

    private VocabularyEndpoints() {
    }

    /** {@code /v1/event-topics}. */
    @Path("/v1/event-topics")
    public static class Topics extends JsonApiEndpoint {
        public Topics(ResourceEngine engine, Caller caller) {
            super(engine, caller, "event-topic");
        }
    }

    /** {@code /v1/event-sub-topics}. */
    @Path("/v1/event-sub-topics")
    public static class SubTopics extends JsonApiEndpoint {
        public SubTopics(ResourceEngine engine, Caller caller) {
            super(engine, caller, "event-sub-topic");
        }
    }

    /** {@code /v1/event-types}. */
    @Path("/v1/event-types")
    public static class Types extends JsonApiEndpoint {
        public Types(ResourceEngine engine, Caller caller) {
            super(engine, caller, "event-type");
        }
    }

    /** {@code /v1/roles}. */
    @Path("/v1/roles")
    public static class Roles extends JsonApiEndpoint {
        public Roles(ResourceEngine engine, Caller caller) {
            super(engine, caller, "role");
        }
    }
}
