package org.openevent.common.jsonapi.query;

/**
 * One attribute a resource exposes to {@code filter} and {@code sort}.
 *
 * @param wireName dasherized JSON:API name, e.g. {@code starts-at}
 * @param property the entity property it maps to, e.g. {@code startsAt}
 * @param type how filter values are coerced
 * @param sortable whether {@code sort} may use it
 */
public record Field(String wireName, String property, FieldType type, boolean sortable) {
}
