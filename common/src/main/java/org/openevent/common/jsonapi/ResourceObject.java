package org.openevent.common.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON:API resource object with string id, dasherized type, attributes, relationships and links. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceObject(String type, String id, Object attributes,
                             Map<String, Relationship> relationships, Map<String, String> links) {

    /** Builds a resource whose self link is {@code /v1/<collection>/<id>}. */
    public static ResourceObject of(String type, String collection, Object id, Object attributes) {
        String stringId = String.valueOf(id);
        return new ResourceObject(type, stringId, attributes, new LinkedHashMap<>(),
                Map.of("self", JsonApi.API_PREFIX + "/" + collection + "/" + stringId));
    }

    /** Adds a relationship exposed at {@code /v1/<collection>/<id>/<name>} with its relationship link. */
    public ResourceObject relationship(String name) {
        String base = links.get("self");
        relationships.put(name, new Relationship(Map.of(
                "self", base + "/relationships/" + name,
                "related", base + "/" + name), null));
        return this;
    }
}
