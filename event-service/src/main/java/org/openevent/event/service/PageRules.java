package org.openevent.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.Page;

/** Static pages (the footer's and event sites'): public to read, managed by admins. */
@ApplicationScoped
public class PageRules implements ResourceRules<Page> {

    static final ResourceType<Page> TYPE = ResourceType.define("page", "pages", Page.class, Page::new)
            .string("name", p -> p.name, (p, v) -> p.name = v).required().notBlank()
            .string("title", p -> p.title, (p, v) -> p.title = v)
            .string("url", p -> p.url, (p, v) -> p.url = v).required().notBlank().max(2048)
            .text("description", p -> p.description, (p, v) -> p.description = v)
            .string("place", p -> p.place, (p, v) -> p.place = v).oneOf("footer", "event")
            .string("language", p -> p.language, (p, v) -> p.language = v).max(64)
            .integer("pageIndex", p -> p.pageIndex, (p, v) -> p.pageIndex = v).wire("index").notNull().defaultTo(0)
            .defaultOrder("x.pageIndex asc, x.id asc")
            .hardDelete()
            .build();

    @Override
    public ResourceType<Page> type() {
        return TYPE;
    }

    @Override
    public void checkListAll(Access access) {
    }
}
