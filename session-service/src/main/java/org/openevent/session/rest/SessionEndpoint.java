package org.openevent.session.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.session.domain.Session;
import org.openevent.session.service.SessionRules;

/** {@code /v1/sessions}, plus the state machine as plain JSON at {@code /v1/sessions/states}. */
@Path("/v1/sessions")
public class SessionEndpoint extends JsonApiEndpoint {

    public SessionEndpoint(ResourceEngine engine, Caller caller) {
        super(engine, caller, "session");
    }

    /** For each role, each state and the states it may move to. */
    @GET
    @Path("states")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Map<String, Map<String, Map<String, Boolean>>> states() {
        Map<String, Map<String, Map<String, Boolean>>> matrix = new LinkedHashMap<>();
        matrix.put("organizer", asFlags(SessionRules.ORGANIZER_TRANSITIONS));
        matrix.put("speaker", asFlags(SessionRules.SPEAKER_TRANSITIONS));
        return matrix;
    }

    private static Map<String, Map<String, Boolean>> asFlags(Map<String, Set<String>> transitions) {
        Map<String, Map<String, Boolean>> flags = new LinkedHashMap<>();
        for (String from : Session.STATES) {
            Map<String, Boolean> targets = new TreeMap<>();
            transitions.getOrDefault(from, Set.of()).forEach(to -> targets.put(to, true));
            flags.put(from, targets);
        }
        return flags;
    }
}
