package org.openevent.common.jsonapi;

import jakarta.validation.constraints.NotBlank;

/** Resource linkage: a type and a string id. */
public record ResourceIdentifier(@NotBlank String type, @NotBlank String id) {

    /** The id as a number, or a 422 pointing at the given relationship when it is not one. */
    public long numericId(String relationshipName) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("/data/relationships/" + relationshipName + "/data/id",
                    "Not a valid id.");
        }
    }
}
