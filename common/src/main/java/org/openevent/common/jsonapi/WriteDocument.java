package org.openevent.common.jsonapi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A POST or PATCH body: a single resource object whose attributes bind to {@code A}. */
public record WriteDocument<A>(@Valid @NotNull WriteData<A> data) {

    /** Checks the declared type and, for PATCH, that the body id names the resource of the URL. */
    public WriteData<A> require(String expectedType, String expectedId) {
        if (!expectedType.equals(data.type())) {
            throw new ApiException(409, "Incorrect type", "Expected type '" + expectedType + "'.", "/data/type", null);
        }
        if (expectedId != null && !expectedId.equals(data.id())) {
            throw new ApiException(422, "Validation error", "The id in the body must match the URL.", "/data/id", null);
        }
        if (data.attributes() == null) {
            throw ApiException.unprocessable("/data/attributes", "Missing data for required field.");
        }
        return data;
    }
}
