package org.openevent.common.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a POST or PATCH asks for, already read and checked against the declaration: attribute values (an
 * explicit null clears a nullable attribute) and relationship linkage. Rules may inspect and adjust it before it
 * is applied.
 *
 * @param <E> the entity
 */
public final class Changes<E extends ResourceEntity> {

    private final ResourceType<E> type;
    private final boolean creating;
    private final String bodyId;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Object> links = new LinkedHashMap<>();

    Changes(ResourceType<E> type, boolean creating, String bodyId) {
        this.type = type;
        this.creating = creating;
        this.bodyId = bodyId;
    }

    /** Changes that set only the given relationship (relationship routes). */
    public static <E extends ResourceEntity> Changes<E> ofRelationship(ResourceType<E> type, String name,
                                                                     Object linkage) {
        Changes<E> changes = new Changes<>(type, false, null);
        changes.links.put(name, linkage);
        return changes;
    }

    public ResourceType<E> type() {
        return type;
    }

    public boolean creating() {
        return creating;
    }

    /** The id the body names ({@code data.id}); null when absent. */
    public String bodyId() {
        return bodyId;
    }

    /** Whether the client sent this attribute (possibly as null). */
    public boolean has(String attribute) {
        return values.containsKey(attribute);
    }

    /** The value sent for an attribute (null when absent or null: use {@link #has} to tell them apart). */
    @SuppressWarnings("unchecked")
    public <V> V value(String attribute) {
        return (V) values.get(attribute);
    }

    /** Replaces or adds a value, e.g. a rule normalizing what a client sent. */
    public void put(String attribute, Object value) {
        values.put(attribute, value);
    }

    /** Drops an attribute so that it is left as it is. */
    public void remove(String attribute) {
        values.remove(attribute);
    }

    /** Names of the attributes sent. */
    public List<String> attributes() {
        return new ArrayList<>(values.keySet());
    }

    public boolean hasRelationship(String name) {
        return links.containsKey(name);
    }

    /** The id sent for a to-one relationship (null when unlinked or absent). */
    public Long toOne(String name) {
        return links.get(name) instanceof Long id ? id : null;
    }

    /** The ids sent for a to-many relationship, when sent. */
    @SuppressWarnings("unchecked")
    public Optional<List<Long>> toMany(String name) {
        return links.get(name) instanceof List<?> ids ? Optional.of((List<Long>) ids) : Optional.empty();
    }

    public void dropRelationship(String name) {
        links.remove(name);
    }

    void putValue(String attribute, Object value) {
        values.put(attribute, value);
    }

    void putLink(String name, Object linkage) {
        links.put(name, linkage);
    }

    Map<String, Object> values() {
        return values;
    }

    Map<String, Object> links() {
        return links;
    }

    /** Writes the attribute values into the entity. */
    void applyTo(E entity) {
        values.forEach((name, value) -> type.attribute(name).ifPresent(attribute -> attribute.set(entity, value)));
    }
}
