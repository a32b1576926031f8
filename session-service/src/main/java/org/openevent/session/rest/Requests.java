package org.openevent.session.rest;

import org.openevent.common.jsonapi.ApiException;

/** Parsing of path ids. */
final class Requests {

    private Requests() {
    }

    /** A numeric resource id from the path; anything else names no resource (404). */
    static long id(String raw, String label) {
        if (raw == null || !raw.matches("\\d{1,18}")) {
            throw ApiException.notFound(label);
        }
        return Long.parseLong(raw);
    }
}
