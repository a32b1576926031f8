package org.openevent.common.jsonapi.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The declaration of what clients may filter and sort on for one resource. Anything not declared
 * here is rejected with a 400, so filter and sort names are a whitelist and never reach SQL as text.
 */
public final class ResourceFields {

    private final String type;
    private final String entity;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, Supplier<Relation>> relations = new LinkedHashMap<>();

    private ResourceFields(String type, String entity) {
        this.type = type;
        this.entity = entity;
    }

    /** Starts a declaration for JSON:API type {@code type} backed by HQL entity {@code entity}. */
    public static ResourceFields of(String type, String entity) {
        return new ResourceFields(type, entity);
    }

    /** A filterable and sortable attribute. */
    public ResourceFields field(String wireName, String property, FieldType fieldType) {
        fields.put(wireName, new Field(wireName, property, fieldType, true));
        return this;
    }

    /** A filterable attribute that cannot be sorted on (long texts). */
    public ResourceFields filterOnly(String wireName, String property, FieldType fieldType) {
        fields.put(wireName, new Field(wireName, property, fieldType, false));
        return this;
    }

    /**
     * A private attribute that filters may still use: a condition on it only matches rows whose value the caller
     * may read (the restrictions' guard); never sortable.
     */
    public ResourceFields guarded(String wireName, String property, FieldType fieldType) {
        fields.put(wireName, new Field(wireName, property, fieldType, false, true));
        return this;
    }

    /** A relationship nested filters may cross; supplied lazily so resources can refer to each other. */
    public ResourceFields relation(String wireName, boolean toMany, Supplier<ResourceFields> target, String correlation) {
        relations.put(wireName, () -> new Relation(wireName, toMany, target.get(), correlation, null));
        return this;
    }

    /**
     * As {@link #relation(String, boolean, Supplier, String)}; {@code liveTarget} (or null) is added to the
     * correlation so that soft-deleted targets count as absent.
     */
    public ResourceFields relation(String wireName, boolean toMany, Supplier<ResourceFields> target,
                                   String correlation, String liveTarget) {
        String full = liveTarget == null ? correlation : correlation + " and " + liveTarget;
        return relation(wireName, toMany, target, full);
    }

    /**
     * A to-one relationship to another service's resource, held as the id in {@code keyProperty}: clients may
     * compare it with null and filter {@code has {id ...}} on it.
     */
    public ResourceFields nullableKey(String wireName, String keyProperty) {
        ResourceFields idOnly = ResourceFields.of(wireName, null).field("id", keyProperty, FieldType.LONG);
        relations.put(wireName, () -> new Relation(wireName, false, idOnly, null, keyProperty));
        return this;
    }

    public String type() {
        return type;
    }

    public String entity() {
        return entity;
    }

    /** Looks a field up by its dasherized or underscored name. */
    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(normalize(name)));
    }

    public Optional<Relation> relation(String name) {
        Supplier<Relation> relation = relations.get(normalize(name));
        return relation == null ? Optional.empty() : Optional.of(relation.get());
    }

    static String normalize(String name) {
        return name == null ? "" : name.trim().replace('_', '-');
    }
}
