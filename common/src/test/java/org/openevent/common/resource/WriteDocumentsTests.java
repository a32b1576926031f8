package org.openevent.common.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openevent.common.jsonapi.ApiException;

/** Linkage documents: resource identifiers name a resource and carry nothing else. */
class WriteDocumentsTests {

    static class Thing extends ResourceEntity {
        Long ownerId;
    }

    private static final Relationship<Thing> OWNER = ResourceType.define("thing", "things", Thing.class, Thing::new)
            .toOne("owner", "user", "ownerId", t -> t.ownerId, (t, v) -> t.ownerId = v).build()
            .relationship("owner").orElseThrow();

    @Test
    void anIdentifierWithMetaIsRead() throws Exception {
        assertEquals(7L, WriteDocuments.linkage(WriteDocuments.STRICT.readTree(
                "{\"data\": {\"type\": \"user\", \"id\": \"7\", \"meta\": {}}}"), OWNER));
    }

    @Test
    void attributesOrRelationshipsInAnIdentifierAreRefused() throws Exception {
        for (String member : new String[] {"attributes", "relationships"}) {
            ApiException refused = assertThrows(ApiException.class, () -> WriteDocuments.linkage(
                    WriteDocuments.STRICT.readTree("{\"data\": {\"type\": \"user\", \"id\": \"7\", \""
                            + member + "\": []}}"), OWNER));
            assertEquals(422, refused.status());
            assertEquals("/data/relationships/owner/data/" + member, refused.pointer());
        }
    }
}
