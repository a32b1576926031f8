package org.openevent.e2e.conformance;

import java.util.List;

/** The callers of the authorization matrix, in the order of the table's columns. */
enum Caller {
    ANONYMOUS("anon"),
    USER("user"),
    SPEAKER("speaker"),
    OTHER_ORGANIZER("other"),
    COORGANIZER("coorg"),
    ORGANIZER("org"),
    OWNER("owner"),
    ADMIN("admin"),
    DELETED("deleted");

    /** The column name in routes.tsv. */
    final String column;

    Caller(String column) {
        this.column = column;
    }

    static final List<Caller> COLUMNS = List.of(values());

    static Caller byColumn(String column) {
        for (Caller caller : values()) {
            if (caller.column.equals(column)) {
                return caller;
            }
        }
        throw new IllegalArgumentException("No caller " + column);
    }
}
