package org.openevent.common.jsonapi;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One page of rows for a {@link ListQuery} and the total count of rows matching it. */
public record QueryPage<T>(List<T> items, long total) {

    /**
     * Runs the query over {@code baseQuery} (an HQL {@code from ... where ...} already restricted to what the
     * caller may see): one select for the page and one count, both with the client's filter as bound parameters.
     */
    public static <T> Uni<QueryPage<T>> fetch(PanacheRepositoryBase<T, ?> repository, String baseQuery,
                                             Map<String, Object> baseParameters, ListQuery query) {
        String where = baseQuery + " and " + query.where().clause();
        Map<String, Object> parameters = new HashMap<>(query.where().parameters());
        parameters.putAll(baseParameters);
        int offset = query.page().offset();
        return repository.find(where + " order by " + query.orderBy(), parameters)
                .range(offset, offset + query.page().limit() - 1).list()
                .flatMap(items -> repository.count(where, parameters).map(total -> new QueryPage<>(items, total)));
    }
}
