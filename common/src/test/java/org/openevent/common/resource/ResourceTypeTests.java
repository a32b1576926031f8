package org.openevent.common.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Self links of declared types: the collection path by default, or the type's own template. */
class ResourceTypeTests {

    /** A row type for declarations only (not an entity). */
    static class Thing extends ResourceEntity {
    }

    @Test
    void selfLinksFollowTheCollectionByDefault() {
        ResourceType<Thing> type = ResourceType.define("thing", "things", Thing.class, Thing::new).build();
        assertEquals("/v1/things/7", type.selfLink(7L));
    }

    @Test
    void aTemplatePutsTheIdWhereItSays() {
        ResourceType<Thing> type = ResourceType.define("thing-statistics", "thing-statistics", Thing.class, Thing::new)
                .selfLinks("/v1/events/{id}/thing-statistics").build();
        assertEquals("/v1/events/7/thing-statistics", type.selfLink(7L));
    }

    @Test
    void aTemplateMustBeAnApiPathWithTheId() {
        ResourceType.Builder<Thing> builder = ResourceType.define("thing", "things", Thing.class, Thing::new);
        assertThrows(IllegalArgumentException.class, () -> builder.selfLinks("/v1/events/thing-statistics"));
        assertThrows(IllegalArgumentException.class, () -> builder.selfLinks("https://example.org/{id}"));
    }
}
