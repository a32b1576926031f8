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
        if (expectedId != null) {
            checkId(data.id(), expectedId);
        }
        if (data.attributes() == null) {
            throw ApiException.unprocessable("/data/attributes", "Missing data for required field.");
        }
        return data;
    }

    /** A PATCH body's {@code data.id} must be present and equal, as a string, to the addressed resource's id. */
    public static void checkId(String bodyId, Object resourceId) {
        if (bodyId == null) {
            throw new ApiException(400, "Bad Request", "Missing id in \"data\" node", "/data/id", null);
        }
        if (!bodyId.equals(String.valueOf(resourceId))) {
            throw new ApiException(400, "Bad Request", "Value of id does not match the resource identifier in url",
                    "/data/id", null);
        }
    }
}
