package org.openevent.common.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openevent.common.jsonapi.Relationship;
import org.openevent.common.jsonapi.ResourceObject;

/** Turns a row into its resource object as one caller may see it: attributes, relationship links, self link. */
final class Renderer {

    <E extends ResourceEntity> ResourceObject render(ResourceRules<E> rules, E entity, Access access,
                                                     Fieldsets fields) {
        ResourceType<E> type = rules.type();
        String self = type.selfLink(entity.id());
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Attribute<E> attribute : type.attributes()) {
            if (fields.allows(type.type(), attribute.name()) && attribute.readable(access, entity)) {
                attributes.put(attribute.name(), attribute.get(entity));
            }
        }
        Map<String, Relationship> relationships = new LinkedHashMap<>();
        for (org.openevent.common.resource.Relationship<E> relationship : type.relationships()) {
            if (fields.allows(type.type(), relationship.name()) && relationship.visible(access)) {
                relationships.put(relationship.name(), new Relationship(links(self, relationship.name()), null));
            }
        }
        return new ResourceObject(type.type(), String.valueOf(entity.id()), attributes, relationships,
                Map.of("self", self));
    }

    static Map<String, String> links(String self, String relationship) {
        return Map.of("self", self + "/relationships/" + relationship, "related", self + "/" + relationship);
    }
}
