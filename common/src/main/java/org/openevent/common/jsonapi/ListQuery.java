package org.openevent.common.jsonapi;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openevent.common.jsonapi.query.FilterCompiler;
import org.openevent.common.jsonapi.query.ResourceFields;
import org.openevent.common.jsonapi.query.SortCompiler;
import org.openevent.common.jsonapi.query.Where;

/**
 * The query parameters of a collection request, validated against the resource's declaration:
 * {@code filter}, {@code sort}, {@code page[number]}, {@code page[size]}. Unknown parameters are ignored.
 */
public record ListQuery(Where where, String orderBy, PageRequest page, MultivaluedMap<String, String> raw) {

    /** Parses and validates; any bad value is a 400 naming the parameter. */
    public static ListQuery parse(UriInfo uri, ResourceFields fields, String alias, String defaultOrder) {
        return parse(uri.getQueryParameters(), fields, alias, defaultOrder, FilterCompiler.Restrictions.NONE);
    }

    /**
     * Parses and validates, restricting nested filters to what the caller may see; any bad value, and any
     * {@code page[...]} key other than number and size, is a 400 naming the parameter.
     */
    public static ListQuery parse(MultivaluedMap<String, String> params, ResourceFields fields, String alias,
                                  String defaultOrder, FilterCompiler.Restrictions restrictions) {
        for (String key : params.keySet()) {
            if (key.startsWith("page[") && !key.equals("page[number]") && !key.equals("page[size]")) {
                throw ApiException.badRequest(key, "'" + key + "' is not a valid parameter of pagination.");
            }
        }
        PageRequest page = PageRequest.parse(params.getFirst("page[number]"), params.getFirst("page[size]"));
        Where where = FilterCompiler.compile(params.getFirst("filter"), fields, alias, restrictions);
        String orderBy = SortCompiler.compile(params.getFirst("sort"), fields, alias, defaultOrder);
        return new ListQuery(where, orderBy, page, params);
    }

    /** Whether the client asked for soft-deleted rows too ({@code get_trashed=true}); services grant it to admins only. */
    public boolean trashedRequested() {
        return "true".equalsIgnoreCase(raw.getFirst("get_trashed"));
    }

    /** A collection document with {@code meta.count} and first/last/prev/next links that keep the other parameters. */
    public Document document(List<ResourceObject> resources, long total, String path) {
        return document(resources, null, total, path);
    }

    /** As {@link #document(List, long, String)}, with the compound document's {@code included} resources. */
    public Document document(List<ResourceObject> resources, List<?> included, long total, String path) {
        if (page.unpaged() && resources.size() > PageRequest.MAX_UNPAGED) {
            throw ApiException.badRequest("page[size]", "More than " + PageRequest.MAX_UNPAGED
                    + " rows match; narrow the filter or page through them.");
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", link(path, page.number()));
        if (!page.unpaged()) {
            int last = (int) Math.max(1, (total + page.size() - 1) / page.size());
            links.put("first", link(path, 1));
            links.put("last", link(path, last));
            if (page.number() > 1) {
                links.put("prev", link(path, Math.min(page.number() - 1, last)));
            }
            if (page.number() < last) {
                links.put("next", link(path, page.number() + 1));
            }
        }
        return new Document(resources, included, Map.of("count", total), links, JsonApi.VERSION);
    }

    private String link(String path, int number) {
        StringBuilder query = new StringBuilder();
        raw.forEach((name, values) -> {
            if (!name.equals("page[number]")) {
                for (String value : values) {
                    append(query, name, value);
                }
            }
        });
        if (!page.unpaged()) {
            append(query, "page[number]", String.valueOf(number));
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
