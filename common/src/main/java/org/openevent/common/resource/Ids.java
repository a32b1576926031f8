package org.openevent.common.resource;

import org.openevent.common.jsonapi.ApiException;

/** Numeric resource ids as they appear in paths and documents: 1 to 18 digits, nothing else. */
public final class Ids {

    public static final String PATTERN = "[1-9]\\d{0,17}";

    private Ids() {
    }

    public static boolean isId(String text) {
        return text != null && text.matches(PATTERN);
    }

    /** The id named by a path segment; anything else names no resource (404). */
    public static long parse(String text, String what) {
        if (!isId(text)) {
            throw ApiException.notFound(what);
        }
        return Long.parseLong(text);
    }
}
