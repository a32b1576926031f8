package org.openevent.session.rest;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.Relationship;
import org.openevent.common.jsonapi.ResourceIdentifier;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.session.domain.Microlocation;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.SessionType;
import org.openevent.session.domain.Speaker;
import org.openevent.session.domain.Track;
import org.openevent.session.service.EventAccess;
import org.openevent.session.service.Listing;
import org.openevent.session.service.SessionGraph;
import org.openevent.session.service.SessionService;

/** Builds JSON:API resource objects and documents for this service's types. */
final class Resources {

    private Resources() {
    }

    static ResourceObject track(Track t) {
        return ResourceObject.of("track", "tracks", t.id, Views.TrackView.of(t))
                .relationship("event").relationship("sessions");
    }

    static ResourceObject microlocation(Microlocation m) {
        return ResourceObject.of("microlocation", "microlocations", m.id, Views.MicrolocationView.of(m))
                .relationship("event").relationship("sessions");
    }

    static ResourceObject sessionType(SessionType t) {
        return ResourceObject.of("session-type", "session-types", t.id, Views.SessionTypeView.of(t))
                .relationship("event").relationship("sessions");
    }

    /** A speaker; e-mail and mobile only for the event's managers, admins and the speaker's creator. */
    static ResourceObject speaker(Speaker s, EventAccess access) {
        boolean showPrivate = access.isManager() || access.isCreator(s.creatorId);
        return ResourceObject.of("speaker", "speakers", s.id, Views.SpeakerView.of(s, showPrivate))
                .relationship("event").relationship("sessions");
    }

    /** A session with linkage for every included relationship. */
    static ResourceObject session(Session s, SessionGraph graph) {
        ResourceObject resource = ResourceObject.of("session", "sessions", s.id, Views.SessionView.of(s))
                .relationship("event");
        toOne(resource, SessionService.TRACK, graph, s.trackId != null ? graph.tracks().get(s.trackId) : null);
        toOne(resource, SessionService.MICROLOCATION, graph,
                s.microlocationId != null ? graph.microlocations().get(s.microlocationId) : null);
        toOne(resource, SessionService.SESSION_TYPE, graph,
                s.sessionTypeId != null ? graph.sessionTypes().get(s.sessionTypeId) : null);
        if (graph.include().contains(SessionService.SPEAKERS)) {
            List<ResourceIdentifier> linkage = graph.speakerIds().getOrDefault(s.id, List.of()).stream()
                    .filter(graph.speakers()::containsKey)
                    .map(id -> new ResourceIdentifier("speaker", String.valueOf(id))).toList();
            resource.relationships().put(SessionService.SPEAKERS, relationship(resource, SessionService.SPEAKERS, linkage));
        } else {
            resource.relationship(SessionService.SPEAKERS);
        }
        return resource;
    }

    /** One session, with its included rows. */
    static Document sessionDocument(SessionGraph graph) {
        ResourceObject resource = session(graph.first(), graph);
        return new Document(resource, included(graph), null, Map.of("self", resource.links().get("self")),
                JsonApi.VERSION);
    }

    /** A page of sessions, with the included rows of the whole page, each once. */
    static Document sessionCollection(SessionGraph graph, ListQuery query, String selfLink) {
        List<ResourceObject> data = graph.sessions().stream().map(s -> session(s, graph)).toList();
        return query.document(data, included(graph), graph.total(), selfLink);
    }

    static <E> Document collection(Listing<E> listing, Function<E, ResourceObject> render, ListQuery query,
                                   String selfLink) {
        return query.document(listing.items().stream().map(render).toList(), listing.total(), selfLink);
    }

    /** A document whose primary data is explicitly null (an empty to-one relationship). */
    static Document empty(String selfLink) {
        return new Document(NullNode.getInstance(), null, null, Map.of("self", selfLink), JsonApi.VERSION);
    }

    private static List<ResourceObject> included(SessionGraph graph) {
        if (graph.include().isEmpty()) {
            return null;
        }
        Map<String, ResourceObject> unique = new LinkedHashMap<>();
        graph.tracks().values().forEach(t -> unique.putIfAbsent("track:" + t.id, track(t)));
        graph.microlocations().values().forEach(m -> unique.putIfAbsent("microlocation:" + m.id, microlocation(m)));
        graph.sessionTypes().values().forEach(t -> unique.putIfAbsent("session-type:" + t.id, sessionType(t)));
        graph.speakers().values().forEach(s -> unique.putIfAbsent("speaker:" + s.id, speaker(s, graph.access())));
        return new ArrayList<>(unique.values());
    }

    private static void toOne(ResourceObject resource, String name, SessionGraph graph, Object target) {
        if (!graph.include().contains(name)) {
            resource.relationship(name);
            return;
        }
        Object linkage = NullNode.getInstance();
        if (target instanceof Track t) {
            linkage = new ResourceIdentifier("track", String.valueOf(t.id));
        } else if (target instanceof Microlocation m) {
            linkage = new ResourceIdentifier("microlocation", String.valueOf(m.id));
        } else if (target instanceof SessionType st) {
            linkage = new ResourceIdentifier("session-type", String.valueOf(st.id));
        }
        resource.relationships().put(name, relationship(resource, name, linkage));
    }

    private static Relationship relationship(ResourceObject resource, String name, Object linkage) {
        String base = resource.links().get("self");
        return new Relationship(Map.of("self", base + "/relationships/" + name, "related", base + "/" + name), linkage);
    }
}
