package org.openevent.event.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;

/** What organizers set up for an event besides its schedule: sponsors, tickets, copyright, links, call for speakers. */
public final class EventSettingEndpoints {

    private EventSettingEndpoints() {
    }

    /** {@code /v1/sponsors}. */
    @Path("/v1/sponsors")
    public static class Sponsors extends JsonApiEndpoint {
        public Sponsors(ResourceEngine engine, Caller caller) {
            super(engine, caller, "sponsor");
        }
    }

    /** {@code /v1/tickets}. */
    @Path("/v1/tickets")
    public static class Tickets extends JsonApiEndpoint {
        public Tickets(ResourceEngine engine, Caller caller) {
            super(engine, caller, "ticket");
        }
    }

    /** {@code /v1/event-copyrights}. */
    @Path("/v1/event-copyrights")
    public static class Copyrights extends JsonApiEndpoint {
        public Copyrights(ResourceEngine engine, Caller caller) {
            super(engine, caller, "event-copyright");
        }
    }

    /** {@code /v1/social-links}. */
    @Path("/v1/social-links")
    public static class SocialLinks extends JsonApiEndpoint {
        public SocialLinks(ResourceEngine engine, Caller caller) {
            super(engine, caller, "social-link");
        }
    }

    /** {@code /v1/speakers-calls}. */
    @Path("/v1/speakers-calls")
    public static class SpeakersCalls extends JsonApiEndpoint {
        public SpeakersCalls(ResourceEngine engine, Caller caller) {
            super(engine, caller, "speakers-call");
        }
    }
}
