package org.openevent.common.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One attribute of a resource type: its wire name, how it is read and checked, who sees it, who may write it,
 * and whether filters and sorts may use it (through {@link #property}, its HQL path).
 *
 * @param <E> the entity
 */
public final class Attribute<E> {

    /** What a client may do with an attribute. */
    public enum Write {
        /** Read and written. */
        WRITABLE,
        /** Served but ignored on input, as the original server does with dump-only fields. */
        READ_ONLY,
        /** Accepted on create only; ignored afterwards. */
        CREATE_ONLY,
        /** Accepted on input, never served (secrets). */
        WRITE_ONLY
    }

    final String name;
    final ValueType type;
    final Function<E, ?> getter;
    final BiConsumer<E, Object> setter;
    String property;
    Write write = Write.WRITABLE;
    boolean required;
    boolean nullable = true;
    Object defaultValue;
    boolean filterable = true;
    boolean sortable = true;
    final List<Check> checks = new ArrayList<>();
    UnaryOperator<Object> normalizer = UnaryOperator.identity();
    BiPredicate<Access, E> readableBy;
    /** For readable-when attributes that stay filterable: the rows whose value this caller may read, as HQL. */
    Guard guard;
    Predicate<Access> writableBy;
    boolean silentlyIgnoredWhenNotWritable;

    @SuppressWarnings("unchecked")
    Attribute(String name, ValueType type, String property, Function<E, ?> getter, BiConsumer<E, ?> setter) {
        this.name = name;
        this.type = type;
        this.property = property;
        this.getter = getter;
        this.setter = (BiConsumer<E, Object>) setter;
        if (setter == null) {
            this.write = Write.READ_ONLY;
        }
        if (type == ValueType.JSON) {
            this.filterable = false;
            this.sortable = false;
        }
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    /** HQL property path for filters and sorts; null when it cannot be queried. */
    public String property() {
        return property;
    }

    public boolean filterable() {
        return filterable && property != null && type.fieldType() != null;
    }

    public boolean sortable() {
        return sortable && filterable();
    }

    public Write write() {
        return write;
    }

    public boolean required() {
        return required;
    }

    public boolean nullable() {
        return nullable;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    /** The value as served. */
    public Object get(E entity) {
        return getter.apply(entity);
    }

    void set(E entity, Object value) {
        setter.accept(entity, value);
    }

    /** True when this caller is shown the attribute of this entity. */
    public boolean readable(Access access, E entity) {
        return write != Write.WRITE_ONLY && (readableBy == null || readableBy.test(access, entity));
    }

    /**
     * The condition on a row (alias {@code alias}, values bound through {@code bind}) under which this caller may
     * read the attribute there; null when the caller may read it on every row.
     */
    public String guard(Access access, String alias, java.util.function.Function<Object, String> bind) {
        return guard == null ? null : guard.condition(access, alias, bind);
    }

    /** Which rows' value of a private attribute a caller may read, as an HQL condition. */
    @FunctionalInterface
    public interface Guard {

        /** HQL on {@code alias} (values bound through {@code bind}), or null for every row. */
        String condition(Access access, String alias, java.util.function.Function<Object, String> bind);
    }

    /** Checks a read, non-null value; the first problem found, or null. */
    String problem(Object value) {
        for (Check check : checks) {
            String problem = check.problem(value);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
