package org.openevent.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;

/** The declaration behind the OpenAPI tests: one relationship of each kind, an event child, a user relation. */
@ApplicationScoped
public class ProbeItemRules implements ResourceRules<ProbeItem> {

    static final String GIFTS_WHY = "Gifts are not offered by this platform.";

    static final ResourceType<ProbeItem> TYPE = ResourceType.define("probe-item", "probe-items", ProbeItem.class,
                    ProbeItem::new)
            .string("name", p -> p.name, (p, v) -> p.name = v).required()
            .timestamps()
            .childOfEvent()
            .toOne("parent", "probe-item", "parentId", p -> p.parentId, (p, v) -> p.parentId = v).writable()
            .inverse("children", "probe-item", "parentId")
            .toOne("creator", "user", "creatorId", p -> p.creatorId, null)
            .empty("gifts", true, "gift", GIFTS_WHY)
            .ofUser("probe-items", "x.creatorId = {user}")
            .permanentDelete()
            .build();

    @Override
    public ResourceType<ProbeItem> type() {
        return TYPE;
    }
}
