package org.openevent.common.jsonapi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A validated {@code include} parameter: top-level relationships, each with its nested paths. */
public record IncludePaths(Map<String, Set<String>> paths) {

    public static final String PARAMETER = "include";
    public static final IncludePaths NONE = new IncludePaths(Map.of());

    /**
     * Parses {@code sessions.track,speakers} against the allowed full paths (dash or underscore names);
     * an unknown path is a 400 naming the parameter.
     */
    public static IncludePaths parse(String raw, Set<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        for (String part : raw.split(",")) {
            String path = part.trim().replace('_', '-');
            if (path.isEmpty()) {
                continue;
            }
            if (!allowed.contains(path)) {
                throw ApiException.badRequest(PARAMETER, "'" + part.trim() + "' is not an includable relationship path.");
            }
            int dot = path.indexOf('.');
            String top = dot < 0 ? path : path.substring(0, dot);
            Set<String> nested = paths.computeIfAbsent(top, key -> new LinkedHashSet<>());
            if (dot >= 0) {
                nested.add(path.substring(dot + 1));
            }
        }
        return new IncludePaths(paths);
    }

    /** The top-level relationships to include. */
    public Set<String> relationships() {
        return paths.keySet();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The nested part to pass on to the related resource's owner, or null. */
    public String nested(String top) {
        Set<String> nested = paths.get(top);
        return nested == null || nested.isEmpty() ? null : String.join(",", nested);
    }
}
