package org.openevent.common.jsonapi;

/**
 * A JSON:API document already serialized, with the strong tag of its bytes: the response filter sends it as it is,
 * so a cached answer costs neither serialization nor hashing.
 */
public record PreparedBody(byte[] bytes, String tag) {

    /** The body and the tag of {@code bytes}. */
    public static PreparedBody of(byte[] bytes) {
        return new PreparedBody(bytes, EntityTags.of(bytes));
    }
}
