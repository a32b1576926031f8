package org.openevent.common.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.openevent.common.jsonapi.JsonApiExceptionMappers;
import org.openevent.common.jsonapi.query.FieldType;
import org.openevent.common.jsonapi.query.ResourceFields;

/**
 * The declaration of one JSON:API resource type: its name and collection path, its entity, its attributes and
 * relationships with their rules of visibility, writing and querying. Everything generic about a resource
 * (documents, validation, PATCH merging, filters, sorts, includes, related and relationship routes) is derived
 * from this declaration.
 *
 * @param <E> the entity
 */
public final class ResourceType<E extends ResourceEntity> {

    /** HQL alias of the primary rows in every query the kit builds. */
    public static final String ALIAS = "x";
    /** Where a self-link template puts the resource's id. */
    public static final String ID_PLACEHOLDER = "{id}";

    private final String type;
    private final String collection;
    private final Class<E> entityClass;
    private final Supplier<E> factory;
    private final Map<String, Attribute<E>> attributes;
    private final Map<String, Relationship<E>> relationships;
    private final String defaultOrder;
    private final boolean softDelete;
    private final boolean permanentDelete;
    private final boolean eventChild;
    private final Function<E, Long> eventOf;
    private final String eventParent;
    private final String alternateKey;
    private final Map<String, String> userRelations;
    private final String description;
    private final String selfLinkTemplate;
    private ResourceFields fields;

    private ResourceType(Builder<E> builder) {
        this.type = builder.type;
        this.collection = builder.collection;
        this.entityClass = builder.entityClass;
        this.factory = builder.factory;
        this.attributes = Map.copyOf(builder.attributes);
        this.relationships = Map.copyOf(builder.relationships);
        this.attributeOrder = List.copyOf(builder.attributes.values());
        this.relationshipOrder = List.copyOf(builder.relationships.values());
        this.defaultOrder = builder.defaultOrder;
        this.softDelete = builder.softDelete;
        this.permanentDelete = builder.permanentDelete;
        this.eventChild = builder.eventChild;
        this.eventOf = builder.eventOf;
        this.eventParent = builder.eventParent;
        this.alternateKey = builder.alternateKey;
        this.userRelations = Map.copyOf(builder.userRelations);
        this.description = builder.description;
        this.selfLinkTemplate = builder.selfLinkTemplate;
    }

    private final List<Attribute<E>> attributeOrder;
    private final List<Relationship<E>> relationshipOrder;

    /** Starts the declaration of {@code type} served at {@code /v1/<collection>}. */
    public static <E extends ResourceEntity> Builder<E> define(String type, String collection, Class<E> entityClass,
                                                             Supplier<E> factory) {
        return new Builder<>(type, collection, entityClass, factory);
    }

    public String type() {
        return type;
    }

    public String collection() {
        return collection;
    }

    public Class<E> entityClass() {
        return entityClass;
    }

    /** The HQL entity name. */
    public String entityName() {
        return entityClass.getSimpleName();
    }

    public E newEntity() {
        return factory.get();
    }

    /** Attributes in declaration order (the order they are served in). */
    public List<Attribute<E>> attributes() {
        return attributeOrder;
    }

    public Optional<Attribute<E>> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Relationships in declaration order. */
    public List<Relationship<E>> relationships() {
        return relationshipOrder;
    }

    /** A relationship by its dasherized or underscored name. */
    public Optional<Relationship<E>> relationship(String name) {
        return Optional.ofNullable(relationships.get(name == null ? "" : name.trim().replace('_', '-')));
    }

    /** HQL order of lists when the client gives no {@code sort}. */
    public String defaultOrder() {
        return defaultOrder;
    }

    /** Whether DELETE keeps the row with {@code deleted-at} set. */
    public boolean softDelete() {
        return softDelete;
    }

    /** Whether admins may remove rows for good ({@code DELETE ...?permanent=true}). */
    public boolean permanentDelete() {
        return permanentDelete;
    }

    /** Whether rows belong to an event ({@link EventChildEntity}), listed under {@code /v1/events/<ref>/...}. */
    public boolean eventChild() {
        return eventChild;
    }

    /**
     * For children of an event declared with {@link Builder#childOfEventVia}: the relationship whose target's event
     * a new row belongs to when the client leaves {@code event} out; null otherwise.
     */
    public String eventParent() {
        return eventParent;
    }

    /** Whether access to a row is judged by an event's roles: the event it belongs to, or the row itself. */
    public boolean eventScoped() {
        return eventOf != null;
    }

    /** The id of the event whose roles govern this row. */
    public long eventOf(E entity) {
        return eventOf.apply(entity);
    }

    /**
     * The relationships of a user that list rows of this type ({@code /v1/users/<id>/<name>}), each as an HQL
     * condition on alias {@code x} with {@code {user}} standing for the user's id.
     */
    public Map<String, String> userRelations() {
        return userRelations;
    }

    /** The property a path segment that is not a numeric id names a row by (e.g. an event's identifier), or null. */
    public String alternateKey() {
        return alternateKey;
    }

    public String description() {
        return description;
    }

    /** Self link of one resource: {@code /v1/<collection>/<id>}, or the type's own template with the id filled in. */
    public String selfLink(Object id) {
        return selfLinkTemplate == null ? "/v1/" + collection + "/" + id
                : selfLinkTemplate.replace(ID_PLACEHOLDER, String.valueOf(id));
    }

    /**
     * What filters and sorts may use: every filterable attribute and every local relationship (for {@code has},
     * {@code any} and null comparisons), resolved against the other local types.
     */
    public ResourceFields fields(FieldsResolver resolver) {
        if (fields != null) {
            return fields;
        }
        ResourceFields declared = ResourceFields.of(type, entityName()).field("id", "id", FieldType.LONG);
        for (Attribute<E> attribute : attributeOrder) {
            if (attribute.filterable() && attribute.guard != null) {
                declared = declared.guarded(attribute.name(), attribute.property(), attribute.type().fieldType());
            } else if (attribute.filterable()) {
                declared = attribute.sortable()
                        ? declared.field(attribute.name(), attribute.property(), attribute.type().fieldType())
                        : declared.filterOnly(attribute.name(), attribute.property(), attribute.type().fieldType());
            }
        }
        for (Relationship<E> relationship : relationshipOrder) {
            String target = relationship.targetType();
            if (relationship.callerScoped()) {
                continue;
            }
            if (relationship.hasJoin() && resolver.knows(target)) {
                declared = declared.relation(relationship.name(), relationship.toMany(),
                        () -> resolver.fields(target), relationship.join("{outer}", "{inner}"),
                        resolver.softDeleted(target) ? "{inner}.deletedAt is null" : null);
            } else if (!relationship.toMany() && relationship.foreignKey != null && relationship.fkProperty != null) {
                declared = declared.nullableKey(relationship.name(), relationship.fkProperty);
            }
        }
        fields = declared;
        return fields;
    }

    /** Finds what filters may use of the types a relationship points to. */
    public interface FieldsResolver {

        /** The queryable fields of a type known here (a local type or a projection), or null. */
        ResourceFields fields(String type);

        /** Whether the type is known here, without building its fields (types refer to each other). */
        boolean knows(String type);

        /** Whether rows of the type are soft-deleted (so deleted ones count as absent). */
        boolean softDeleted(String type);
    }

    /**
     * Fluent declaration. Attribute and relationship modifiers ({@code required()}, {@code readOnly()},
     * {@code writable()}, ...) apply to the attribute or relationship declared last.
     *
     * @param <E> the entity
     */
    public static final class Builder<E extends ResourceEntity> {

        private final String type;
        private final String collection;
        private final Class<E> entityClass;
        private final Supplier<E> factory;
        private final Map<String, Attribute<E>> attributes = new LinkedHashMap<>();
        private final Map<String, Relationship<E>> relationships = new LinkedHashMap<>();
        private String defaultOrder;
        private boolean softDelete = true;
        private boolean permanentDelete;
        private boolean eventChild;
        private Function<E, Long> eventOf;
        private String eventParent;
        private String alternateKey;
        private final Map<String, String> userRelations = new LinkedHashMap<>();
        private String description;
        private String selfLinkTemplate;
        private Attribute<E> lastAttribute;
        private Relationship<E> lastRelationship;

        private Builder(String type, String collection, Class<E> entityClass, Supplier<E> factory) {
            this.type = type;
            this.collection = collection;
            this.entityClass = entityClass;
            this.factory = factory;
        }

        // ------------------------------------------------------------------ attributes

        /** A text attribute of at most 255 characters; {@code property} is the entity field (camelCase). */
        public Builder<E> string(String property, Function<E, String> get, BiConsumer<E, String> set) {
            return add(property, ValueType.STRING, get, set).max(255);
        }

        /** A long text (abstracts, descriptions): at most 100,000 characters, filterable but not sortable. */
        public Builder<E> text(String property, Function<E, String> get, BiConsumer<E, String> set) {
            return add(property, ValueType.STRING, get, set).max(100_000).noSort();
        }

        /** An absolute http(s) URL. */
        public Builder<E> url(String property, Function<E, String> get, BiConsumer<E, String> set) {
            return add(property, ValueType.STRING, get, set).check(Check.url()).noSort();
        }

        public Builder<E> integer(String property, Function<E, Integer> get, BiConsumer<E, Integer> set) {
            return add(property, ValueType.INTEGER, get, set);
        }

        public Builder<E> decimal(String property, Function<E, Double> get, BiConsumer<E, Double> set) {
            return add(property, ValueType.DOUBLE, get, set);
        }

        public Builder<E> bool(String property, Function<E, Boolean> get, BiConsumer<E, Boolean> set) {
            return add(property, ValueType.BOOLEAN, get, set);
        }

        public Builder<E> datetime(String property, Function<E, OffsetDateTime> get,
                                   BiConsumer<E, OffsetDateTime> set) {
            return add(property, ValueType.DATETIME, get, set);
        }

        /** Free JSON (lists of links, custom values); never filterable. */
        public Builder<E> json(String property, Function<E, JsonNode> get, BiConsumer<E, JsonNode> set) {
            return add(property, ValueType.JSON, get, set);
        }

        /** A value computed when served (counts, derived colours); never written. */
        public Builder<E> computed(String wireName, ValueType valueType, Function<E, ?> get) {
            Attribute<E> attribute = new Attribute<>(wireName, valueType, null, get, null);
            attributes.put(wireName, attribute);
            lastAttribute = attribute;
            return this;
        }

        /** The {@code created-at} and {@code deleted-at} attributes every resource has, read-only. */
        public Builder<E> timestamps() {
            datetime("createdAt", e -> e.createdAt, null);
            return softDelete ? datetime("deletedAt", e -> e.deletedAt, null) : this;
        }

        private <V> Builder<E> add(String property, ValueType valueType, Function<E, V> get, BiConsumer<E, V> set) {
            String wireName = JsonApiExceptionMappers.dasherize(property);
            Attribute<E> attribute = new Attribute<>(wireName, valueType, property, get, set);
            attributes.put(wireName, attribute);
            lastAttribute = attribute;
            return this;
        }

        /** Serves the last attribute under another wire name (e.g. {@code is-featured} for {@code featured}). */
        public Builder<E> wire(String wireName) {
            attributes.remove(lastAttribute.name);
            Attribute<E> renamed = new Attribute<>(wireName, lastAttribute.type, lastAttribute.property,
                    lastAttribute.getter, lastAttribute.setter);
            renamed.write = lastAttribute.write;
            renamed.checks.addAll(lastAttribute.checks);
            renamed.sortable = lastAttribute.sortable;
            renamed.filterable = lastAttribute.filterable;
            attributes.put(wireName, renamed);
            lastAttribute = renamed;
            return this;
        }

        /** Must be given on create (absent → 422 "Missing data for required field."); never null. */
        public Builder<E> required() {
            lastAttribute.required = true;
            lastAttribute.nullable = false;
            return this;
        }

        /** May be absent but never null (null → 422 "Field may not be null."). */
        public Builder<E> notNull() {
            lastAttribute.nullable = false;
            return this;
        }

        /** The value a new row gets when the client leaves the attribute out. */
        public Builder<E> defaultTo(Object value) {
            lastAttribute.defaultValue = value;
            return this;
        }

        public Builder<E> max(int length) {
            lastAttribute.checks.removeIf(check -> check instanceof MaxLength);
            lastAttribute.checks.add(0, new MaxLength(length));
            return this;
        }

        public Builder<E> notBlank() {
            return check(Check.minLength(1));
        }

        public Builder<E> check(Check check) {
            lastAttribute.checks.add(check);
            return this;
        }

        public Builder<E> oneOf(Collection<String> values) {
            return check(Check.oneOf(values));
        }

        public Builder<E> oneOf(String... values) {
            return check(Check.oneOf(Arrays.asList(values)));
        }

        public Builder<E> range(double min, double max) {
            return check(Check.range(min, max));
        }

        public Builder<E> email() {
            return check(Check.email());
        }

        public Builder<E> timezone() {
            return check(Check.timezone());
        }

        /** Rewrites accepted values into one canonical form (e.g. colours to {@code #rrggbb}). */
        @SuppressWarnings("unchecked")
        public <V> Builder<E> normalize(UnaryOperator<V> normalizer) {
            lastAttribute.normalizer = value -> value == null ? null : ((UnaryOperator<Object>) normalizer).apply(value);
            return this;
        }

        public Builder<E> readOnly() {
            lastAttribute.write = Attribute.Write.READ_ONLY;
            return this;
        }

        public Builder<E> createOnly() {
            lastAttribute.write = Attribute.Write.CREATE_ONLY;
            return this;
        }

        /** Accepted but never served (secrets), never queryable. */
        public Builder<E> writeOnly() {
            lastAttribute.write = Attribute.Write.WRITE_ONLY;
            lastAttribute.filterable = false;
            lastAttribute.sortable = false;
            return this;
        }

        /**
         * Served only to callers passing {@code predicate}, and still filterable (never sortable): a filter on it
         * matches only rows passing {@code guard}, the same rule as an HQL condition, so that no caller learns a
         * value they cannot read (e.g. a speaker's e-mail: "my speaker profiles" work, probing others' does not).
         */
        public Builder<E> readableWhen(BiPredicate<Access, E> predicate, Attribute.Guard guard) {
            readableWhen(predicate);
            lastAttribute.guard = guard;
            lastAttribute.filterable = true;
            return this;
        }

        /** Served only to callers passing the predicate (e.g. speaker e-mail to organizers and the speaker). */
        public Builder<E> readableWhen(BiPredicate<Access, E> predicate) {
            lastAttribute.readableBy = predicate;
            // What some callers cannot read, no caller may filter or sort on: that would be an oracle.
            lastAttribute.filterable = false;
            lastAttribute.sortable = false;
            return this;
        }

        /**
         * Written only by callers passing the predicate; others get a 403 pointing at the attribute, or with
         * {@code silently} their value is ignored (the frontend sends every attribute on save).
         */
        public Builder<E> writableWhen(Predicate<Access> predicate, boolean silently) {
            lastAttribute.writableBy = predicate;
            lastAttribute.silentlyIgnoredWhenNotWritable = silently;
            return this;
        }

        /**
         * Lets filters and sorts use the last attribute although {@link #readableWhen} hides it from some callers:
         * only for types whose lists nobody but callers who may read it can query (e.g. users, listed to admins).
         */
        public Builder<E> queryable() {
            lastAttribute.filterable = lastAttribute.type != ValueType.JSON;
            lastAttribute.sortable = lastAttribute.filterable;
            return this;
        }

        public Builder<E> noFilter() {
            lastAttribute.filterable = false;
            lastAttribute.sortable = false;
            return this;
        }

        public Builder<E> noSort() {
            lastAttribute.sortable = false;
            return this;
        }

        // ------------------------------------------------------------------ relationships

        /**
         * A to-one relationship held in a foreign-key field {@code keyProperty} of this entity. The target may be
         * local or another service's; clients may set it when {@link #writable()}.
         */
        public Builder<E> toOne(String name, String targetType, String keyProperty, Function<E, Long> key,
                                BiConsumer<E, Long> setKey) {
            Relationship<E> relationship = relationship(name, false, targetType, Relationship.Source.LOCAL);
            relationship.join = "{t}.id = {o}." + keyProperty;
            relationship.fkProperty = keyProperty;
            relationship.foreignKey = key;
            relationship.foreignKeySetter = setKey;
            return this;
        }

        /**
         * A relationship resolved by an HQL join condition between {@code {o}} and {@code {t}}; {@code {caller}}
         * stands for the calling user's id (e.g. the caller's own follow of a group), and such a relationship
         * cannot be filtered on.
         */
        public Builder<E> joined(String name, boolean toMany, String targetType, String join) {
            relationship(name, toMany, targetType, Relationship.Source.LOCAL).join = join;
            return this;
        }

        /** A to-many relationship whose targets hold a foreign key {@code targetKey} to this resource. */
        public Builder<E> inverse(String name, String targetType, String targetKey) {
            return joined(name, true, targetType, "{t}." + targetKey + " = {o}.id");
        }

        /** A to-many relationship to another service's resources; {@code ids} yields the linkage per owner. */
        public Builder<E> remoteToMany(String name, String targetType, Relationship.RemoteIds<E> ids) {
            relationship(name, true, targetType, Relationship.Source.REMOTE).remoteIds = ids;
            return this;
        }

        /**
         * The children of an event that another service owns (e.g. an event's sessions in session-service),
         * fetched from there for all events of a page in one call. Only for the {@code event} type.
         */
        public Builder<E> remoteChildren(String name, String targetType) {
            relationship(name, true, targetType, Relationship.Source.REMOTE).remoteChildren = name;
            return this;
        }

        /**
         * A relationship whose related route another service serves (e.g. {@code /v1/users/<id>/sessions} by
         * session-service through {@code ofUser}): served with its links only; it cannot be included from here and
         * its related and relationship routes are not this service's (404 Route).
         */
        public Builder<E> servedElsewhere(String name, boolean toMany, String targetType) {
            relationship(name, toMany, targetType, Relationship.Source.ELSEWHERE);
            return this;
        }

        /** A relationship of a feature this platform does not offer: always served null or empty. */
        public Builder<E> empty(String name, boolean toMany, String targetType, String why) {
            relationship(name, toMany, targetType, Relationship.Source.EMPTY).description = why;
            return this;
        }

        /** Declares rows as children of an event: the {@code event} relationship, required and fixed. */
        public Builder<E> childOfEvent() {
            eventChild = true;
            eventOf = e -> ((EventChildEntity) e).eventId();
            Relationship<E> event = relationship("event", false, "event", Relationship.Source.LOCAL);
            event.join = "{t}.id = {o}.eventId";
            event.fkProperty = "eventId";
            event.foreignKey = e -> ((EventChildEntity) e).eventId();
            event.required = true;
            return this;
        }

        /**
         * As {@link #childOfEvent()}, for rows that also hang below another child of the event (a feedback below a
         * session): on create the client may leave {@code event} out and the row joins the event of the row its
         * relationship {@code parent} links (the first one, for a to-many relationship).
         */
        public Builder<E> childOfEventVia(String parent) {
            childOfEvent();
            Relationship<E> event = relationships.get("event");
            event.required = false;
            // Still accepted when given (then it must agree with the parent); it never moves.
            event.writable = true;
            eventParent = parent;
            return this;
        }

        /** Rows are events themselves: access to each is judged by the caller's roles on it. */
        public Builder<E> isEvent() {
            eventOf = ResourceEntity::id;
            return this;
        }

        /** Path segments that are not numeric ids name rows by this property (e.g. {@code identifier}). */
        public Builder<E> alternateKey(String property) {
            alternateKey = property;
            return this;
        }

        /** A relationship to another service's resources; {@code ids} yields the linkage per owner. */
        public Builder<E> remote(String name, boolean toMany, String targetType, Relationship.RemoteIds<E> ids) {
            relationship(name, toMany, targetType, Relationship.Source.REMOTE).remoteIds = ids;
            return this;
        }

        /**
         * Serves {@code /v1/users/<id>/<name>}: the rows of this type related to a user, selected by an HQL
         * condition on alias {@code x} where {@code {user}} stands for the user's id. Only the user and admins
         * may read them.
         */
        public Builder<E> ofUser(String name, String condition) {
            userRelations.put(name, condition);
            return this;
        }

        /** The last relationship must be given on create. */
        public Builder<E> requiredRelationship() {
            lastRelationship.required = true;
            return this;
        }

        /**
         * Clients may set the last relationship (in the body of POST/PATCH and on its relationship route); a
         * to-many one is written through {@link ResourceRules#replaceMembers}.
         */
        public Builder<E> writable() {
            lastRelationship.writable = true;
            return this;
        }

        /** Only callers passing the predicate see (and may include) the last relationship. */
        public Builder<E> visibleWhen(Predicate<Access> predicate) {
            lastRelationship.visibleTo = predicate;
            return this;
        }

        private Relationship<E> relationship(String name, boolean toMany, String targetType,
                                             Relationship.Source source) {
            Relationship<E> relationship = new Relationship<>(name, toMany, targetType, source);
            relationships.put(name, relationship);
            lastRelationship = relationship;
            return relationship;
        }

        // ------------------------------------------------------------------ the type

        /** HQL order (alias {@code x}) of lists without {@code sort}; the id always breaks ties. */
        public Builder<E> defaultOrder(String order) {
            this.defaultOrder = order;
            return this;
        }

        /** DELETE removes the row (the type has no {@code deleted-at}). */
        public Builder<E> hardDelete() {
            this.softDelete = false;
            return this;
        }

        /** Admins may remove rows for good with {@code permanent=true}; the rules must clear references. */
        public Builder<E> permanentDelete() {
            this.permanentDelete = true;
            return this;
        }

        public Builder<E> describedAs(String text) {
            this.description = text;
            return this;
        }

        /**
         * Self links of a resource that is not served at {@code /v1/<collection>/<id>}, e.g.
         * {@code /v1/events/{id}/general-statistics} for a resource that hangs off its event.
         */
        public Builder<E> selfLinks(String template) {
            if (!template.startsWith("/v1/") || !template.contains(ID_PLACEHOLDER)) {
                throw new IllegalArgumentException("A self-link template is a /v1/ path with " + ID_PLACEHOLDER);
            }
            this.selfLinkTemplate = template;
            return this;
        }

        public ResourceType<E> build() {
            List<String> problems = new ArrayList<>();
            for (Attribute<E> attribute : attributes.values()) {
                if (attribute.required && attribute.write == Attribute.Write.READ_ONLY) {
                    problems.add(attribute.name + " is required but read-only");
                }
            }
            if (eventParent != null && !relationships.containsKey(eventParent)) {
                problems.add("the event parent " + eventParent + " is not a relationship");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Resource " + type + ": " + String.join(", ", problems));
            }
            return new ResourceType<>(this);
        }
    }

    /** The length limit, kept apart so {@link Builder#max} can replace a default one. */
    private record MaxLength(int max) implements Check {
        @Override
        public String problem(Object value) {
            return Check.maxLength(max).problem(value);
        }
    }
}
