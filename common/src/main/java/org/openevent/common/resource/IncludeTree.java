package org.openevent.common.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openevent.common.jsonapi.ApiException;

/** A parsed {@code include} parameter: relationship names, each with the paths included beneath it. */
public record IncludeTree(Map<String, IncludeTree> children) {

    public static final String PARAMETER = "include";
    public static final IncludeTree NONE = new IncludeTree(Map.of());
    static final int MAX_PATHS = 30;
    static final int MAX_DEPTH = 4;

    /** Parses {@code a,b.c}; names may use dashes or underscores. Which names exist is checked when expanding. */
    public static IncludeTree parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String[] paths = raw.split(",");
        if (paths.length > MAX_PATHS) {
            throw ApiException.badRequest(PARAMETER, "At most " + MAX_PATHS + " include paths are allowed.");
        }
        Map<String, IncludeTree> root = new LinkedHashMap<>();
        for (String path : paths) {
            String[] names = path.trim().replace('_', '-').split("\\.");
            if (names.length > MAX_DEPTH) {
                throw ApiException.badRequest(PARAMETER, "Include paths are at most " + MAX_DEPTH + " levels deep.");
            }
            Map<String, IncludeTree> level = root;
            for (String name : names) {
                if (!name.matches("[a-z][a-z0-9-]{0,63}")) {
                    throw ApiException.badRequest(PARAMETER, "'" + path.trim() + "' is not a relationship path.");
                }
                level = level.computeIfAbsent(name, key -> new IncludeTree(new LinkedHashMap<>())).children();
            }
        }
        return new IncludeTree(root);
    }

    public boolean isEmpty() {
        return children.isEmpty();
    }

    /** The tree as an {@code include} value again (for the owner of remote relationships). */
    public String toParameter() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        children.forEach((name, child) -> collect(paths, name, child));
        return String.join(",", paths);
    }

    private static void collect(java.util.List<String> paths, String prefix, IncludeTree tree) {
        if (tree.isEmpty()) {
            paths.add(prefix);
        }
        tree.children().forEach((name, child) -> collect(paths, prefix + "." + name, child));
    }
}
