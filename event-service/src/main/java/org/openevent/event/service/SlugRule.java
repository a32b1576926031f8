package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceEntity;
import org.openevent.event.domain.Slugged;

/** The validate step of named vocabularies: a new or renamed row gets a fresh unique slug. */
final class SlugRule {

    private SlugRule() {
    }

    static <E extends ResourceEntity & Slugged> Uni<Void> assign(E row, Changes<E> changes, String entity,
                                                                 String scope, Object scopeValue) {
        if (!changes.creating() && !changes.has("name")) {
            return Uni.createFrom().voidItem();
        }
        String name = changes.has("name") ? changes.value("name") : row.name();
        return Slugs.assign(row, name, entity, scope, scopeValue);
    }
}
