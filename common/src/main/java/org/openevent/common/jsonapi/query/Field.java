package org.openevent.common.jsonapi.query;

/**
 * One attribute a resource exposes to {@code filter} and {@code sort}.
 *
 * @param wireName dasherized JSON:API name, e.g. {@code starts-at}
 * @param property the entity property it maps to, e.g. {@code startsAt}
 * @param type how filter values are coerced
 * @param sortable whether {@code sort} may use it
 * @param guarded whether only some callers may read it on some rows: a condition on it then also requires the
 *                caller's guard for the row ({@link FilterCompiler.Restrictions#guard}), never sortable
 */
public record Field(String wireName, String property, FieldType type, boolean sortable, boolean guarded) {

    public Field(String wireName, String property, FieldType type, boolean sortable) {
        this(wireName, property, type, sortable, false);
    }
}
