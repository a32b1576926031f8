package org.openevent.common.resource;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.openevent.common.jsonapi.ApiException;

/** Parsed sparse fieldsets ({@code fields[session]=id,starts_at}): per type, the member names to serve. */
public record Fieldsets(Map<String, Set<String>> byType) {

    public static final Fieldsets ALL = new Fieldsets(Map.of());

    /** Reads every {@code fields[type]} parameter; names may use dashes or underscores. */
    public static Fieldsets parse(MultivaluedMap<String, String> query) {
        Map<String, Set<String>> byType = new HashMap<>();
        query.forEach((key, values) -> {
            if (!key.startsWith("fields[")) {
                return;
            }
            if (!key.endsWith("]") || key.length() < 9 || values.isEmpty()) {
                throw ApiException.badRequest(key, "Sparse fieldsets are written fields[type]=name,name.");
            }
            String type = key.substring(7, key.length() - 1).replace('_', '-');
            Set<String> names = new LinkedHashSet<>();
            for (String value : values) {
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim().replace('_', '-'));
                    }
                }
            }
            byType.put(type, names);
        });
        return byType.isEmpty() ? ALL : new Fieldsets(byType);
    }

    /** Whether {@code member} of {@code type} is served. */
    public boolean allows(String type, String member) {
        Set<String> names = byType.get(type);
        return names == null || names.contains(member);
    }

    /** Rejects names a local type does not have, with a 400 naming the parameter. */
    public void check(ResourceType<?> type) {
        Set<String> names = byType.get(type.type());
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (!name.equals("id") && type.attribute(name).isEmpty() && type.relationship(name).isEmpty()) {
                throw ApiException.badRequest("fields[" + type.type() + "]",
                        "'" + name + "' is not a field of " + type.type() + ".");
            }
        }
    }

    /** The parameters to pass on to a service that owns other types. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new HashMap<>();
        byType.forEach((type, names) -> parameters.put("fields[" + type + "]", String.join(",", names)));
        return parameters;
    }
}
