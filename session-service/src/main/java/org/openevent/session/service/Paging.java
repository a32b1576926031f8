package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.openevent.common.jsonapi.PageRequest;

/** Paging of a list request; {@code page[size]=0} asks for everything, as the frontend's schedule does. */
public record Paging(PageRequest page) {

    public static final Paging ALL = new Paging(null);

    public static Paging parse(String rawNumber, String rawSize) {
        if (rawSize != null && rawSize.trim().equals("0")) {
            return ALL;
        }
        return new Paging(PageRequest.parse(rawNumber, rawSize));
    }

    public <T> Uni<List<T>> fetch(PanacheQuery<T> query) {
        return page == null ? query.list() : query.page(Page.of(page.index(), page.size())).list();
    }
}
