package org.openevent.session.rest;

import java.util.LinkedHashSet;
import java.util.Set;
import org.openevent.common.jsonapi.ApiException;

/** Parsing of path ids and the {@code include} parameter. */
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

    /** The requested relationship names (dashes or underscores), each one checked against {@code allowed}. */
    static Set<String> include(String raw, Set<String> allowed, String type) {
        Set<String> names = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return names;
        }
        for (String part : raw.split(",")) {
            String name = part.trim().replace('_', '-');
            if (name.isEmpty()) {
                continue;
            }
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("include", "'" + name + "' is not an includable relationship of " + type + ".");
            }
            names.add(name);
        }
        return names;
    }
}
