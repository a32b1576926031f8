package org.openevent.common.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A top-level JSON:API document carrying one resource or a page of resources; {@code included} holds
 * resource objects, local ones or documents' resources passed through from the service that owns them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Document(Object data, List<?> included, Map<String, Object> meta,
                       Map<String, String> links, Map<String, String> jsonapi) {

    /** A single-resource document whose self link is the resource's own. */
    public static Document single(ResourceObject resource) {
        return new Document(resource, null, null, Map.of("self", resource.links().get("self")), JsonApi.VERSION);
    }

    /** A collection document with {@code meta.count} holding the total number of matching rows. */
    public static Document collection(List<ResourceObject> resources, long total, String selfLink) {
        return new Document(resources, null, Map.of("count", total), Map.of("self", selfLink), JsonApi.VERSION);
    }

    /** A document whose primary data is explicitly null (an empty to-one related resource). */
    public static Document nullData(String selfLink) {
        return new Document(Relationship.NULL_DATA, null, null, Map.of("self", selfLink), JsonApi.VERSION);
    }

    /** A document that carries only a meta object, e.g. the answer to a DELETE. */
    public static Document metaOnly(Map<String, Object> meta) {
        return new Document(null, null, meta, null, JsonApi.VERSION);
    }
}
