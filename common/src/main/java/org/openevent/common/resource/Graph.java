package org.openevent.common.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openevent.common.jsonapi.ResourceObject;

/**
 * What one request's document is being assembled from: the included resources (local ones rendered here,
 * remote ones as the owner sent them, byte for byte), the access known per event, and the remote fetches still to
 * make.
 */
final class Graph {

    final ApiRequest request;
    final Fieldsets fields;
    /** Access used for visibility conditions of included rows: the request's event, or the caller alone. */
    final Access scope;
    final Map<String, Object> included = new LinkedHashMap<>();
    final Map<Long, Access> accessByEvent = new HashMap<>();
    final List<PendingRemote> remote = new ArrayList<>();

    Graph(ApiRequest request, Access scope) {
        this.request = request;
        this.fields = request.fields();
        this.scope = scope;
        if (scope.event() != null) {
            accessByEvent.put(scope.eventId(), scope);
        }
    }

    void include(ResourceObject resource) {
        included.putIfAbsent(resource.type() + ":" + resource.id(), resource);
    }

    void include(RemoteDocument.Resource resource) {
        included.putIfAbsent(resource.type() + ":" + resource.id(), resource);
    }

    List<Object> includedList() {
        return new ArrayList<>(included.values());
    }

    /**
     * A remote fetch: of {@code ids} of {@code type}, or with {@code childrenOf} set, of the children of those
     * events in that collection; {@code linker} receives the owner's document to set linkage from.
     */
    record PendingRemote(String type, List<Long> ids, IncludeTree subtree, String childrenOf,
                         Consumer<JsonNode> linker) {
    }
}
