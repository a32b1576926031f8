package org.openevent.common.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A relationship object: links always, linkage data only when the relationship was included. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Relationship(Map<String, String> links, Object data) {

    /** Linkage data that is explicitly null (an empty to-one relationship that was included). */
    public static final Object NULL_DATA = com.fasterxml.jackson.databind.node.NullNode.getInstance();
}
