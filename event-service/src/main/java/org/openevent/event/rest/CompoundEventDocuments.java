package org.openevent.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.IncludePaths;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.Relationship;
import org.openevent.common.jsonapi.ResourceIdentifier;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.event.client.ScheduleClient;

/**
 * Builds {@code GET /v1/events/{id}?include=...} compound documents. The schedule belongs to
 * session-service, so each included relationship is one call there for all its rows (nested paths such as
 * {@code sessions.track} travel with it), run in parallel; the number of calls and of SQL statements does
 * not grow with the number of sessions.
 */
@ApplicationScoped
public class CompoundEventDocuments {

    /** Relationship paths the event resource can include. */
    public static final Set<String> INCLUDABLE = Set.of("sessions", "tracks", "microlocations", "speakers",
            "session-types", "sessions.track", "sessions.microlocation", "sessions.session-type", "sessions.speakers");

    private final ScheduleClient schedule;

    public CompoundEventDocuments(ScheduleClient schedule) {
        this.schedule = schedule;
    }

    /** The event's document with linkage for each included relationship and the related resources de-duplicated. */
    public Uni<Document> document(ResourceObject event, long eventId, IncludePaths includes, String authorization) {
        if (includes.isEmpty()) {
            return Uni.createFrom().item(Document.single(event));
        }
        List<String> relationships = new ArrayList<>(includes.paths().keySet());
        List<Uni<JsonNode>> calls = relationships.stream()
                .map(name -> schedule.collection(eventId, name, includes.nested(name), authorization))
                .toList();
        return Uni.join().all(calls).andFailFast().map(documents -> {
            Map<String, JsonNode> included = new LinkedHashMap<>();
            for (int i = 0; i < relationships.size(); i++) {
                String name = relationships.get(i);
                JsonNode related = documents.get(i);
                List<ResourceIdentifier> linkage = new ArrayList<>();
                for (JsonNode resource : related.path("data")) {
                    linkage.add(new ResourceIdentifier(resource.path("type").asText(), resource.path("id").asText()));
                    included.putIfAbsent(key(resource), resource);
                }
                for (JsonNode resource : related.path("included")) {
                    included.putIfAbsent(key(resource), resource);
                }
                Relationship links = event.relationships().get(name);
                event.relationships().put(name, new Relationship(links.links(), linkage));
            }
            return new Document(event, new ArrayList<>(included.values()), null,
                    Map.of("self", event.links().get("self")), JsonApi.VERSION);
        });
    }

    private static String key(JsonNode resource) {
        return resource.path("type").asText() + ":" + resource.path("id").asText();
    }
}
