package org.openevent.common.jsonapi.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openevent.common.jsonapi.ApiException;

/** Compiles {@code sort=-starts-at,name} into an HQL order-by over declared sortable fields. */
public final class SortCompiler {

    public static final String PARAMETER = "sort";
    static final int MAX_KEYS = 10;

    private SortCompiler() {
    }

    /** The order-by list (without "order by"); {@code id} is always the final tie-breaker for stable pages. */
    public static String compile(String rawSort, ResourceFields fields, String alias, String defaultOrder) {
        List<String> keys = new ArrayList<>();
        if (rawSort != null && !rawSort.isBlank()) {
            String[] parts = rawSort.split(",", -1);
            if (parts.length > MAX_KEYS) {
                throw ApiException.badRequest(PARAMETER, "At most " + MAX_KEYS + " sort keys are allowed.");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String part : parts) {
                String key = part.trim();
                boolean descending = key.startsWith("-");
                String name = descending ? key.substring(1) : key;
                Field field = fields.field(name).filter(Field::sortable).orElseThrow(() -> ApiException.badRequest(
                        PARAMETER, "'" + name + "' is not a sortable field of " + fields.type() + "."));
                if (seen.add(field.property())) {
                    keys.add(alias + "." + field.property() + (descending ? " desc" : " asc"));
                }
            }
        } else if (defaultOrder != null) {
            keys.add(defaultOrder);
        }
        keys.add(alias + ".id asc");
        return String.join(", ", keys);
    }
}
