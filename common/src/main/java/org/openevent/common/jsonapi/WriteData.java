package org.openevent.common.jsonapi;

import jakarta.validation.Valid;
import java.util.Map;

/** The {@code data} member of a write request. */
public record WriteData<A>(String type, String id, @Valid A attributes, Map<String, ToOneLinkage> relationships) {

    /** The id of a required to-one relationship, or a 422 pointing at it. */
    public long requiredRelationship(String name) {
        ToOneLinkage linkage = relationships == null ? null : relationships.get(name);
        if (linkage == null || linkage.data() == null) {
            throw ApiException.unprocessable("/data/relationships/" + name, "Missing data for required field.");
        }
        return linkage.data().numericId(name);
    }
}
