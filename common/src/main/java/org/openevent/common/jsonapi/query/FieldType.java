package org.openevent.common.jsonapi.query;

/** The value type of a filterable field, used to coerce filter values before binding them. */
public enum FieldType {
    STRING, LONG, INTEGER, DOUBLE, BOOLEAN, DATETIME
}
