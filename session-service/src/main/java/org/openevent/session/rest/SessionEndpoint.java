package org.openevent.session.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.resource.Ids;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.resource.WriteDocuments;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;
import org.openevent.session.domain.Session;
import org.openevent.session.service.SessionMails;
import org.openevent.session.service.SessionRules;

/**
 * {@code /v1/sessions}, plus plain JSON: the state machine ({@code /states}), the default state mails
 * ({@code /mails}) and sending one about a session ({@code /{id}/notify}).
 */
@Path("/v1/sessions")
public class SessionEndpoint extends JsonApiEndpoint {

    private final SessionMails mails;

    public SessionEndpoint(ResourceEngine engine, Caller caller, SessionMails mails) {
        super(engine, caller, "session");
        this.mails = mails;
    }

    /** The default subject and message of the mail about each state, as the notify dialog starts from. */
    @GET
    @Path("mails")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Map<String, Object> mails() {
        return SessionMails.TEMPLATES;
    }

    /** Mails the session's speakers and the event's owner: {@code {subject?, message?, bcc?}}; {@code {success}}. */
    @POST
    @Path("{id}/notify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<Map<String, Object>> notify(@PathParam("id") String id, byte[] body) {
        long sessionId = Ids.parse(id, "Session");
        JsonNode request = body == null || body.length == 0 ? null : WriteDocuments.json(body);
        return caller.resolve().flatMap(who -> mails.notify(who, sessionId, request));
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
