package org.openevent.user.service;

import io.vertx.sqlclient.DatabaseException;

/** Recognizes the database's answer when a concurrent write took a unique address first. */
public final class UserExceptions {

    private static final String UNIQUE_VIOLATION = "23505";

    private UserExceptions() {
    }

    /** True for a unique-index violation anywhere in the cause chain (a concurrent insert won the race). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && UNIQUE_VIOLATION.equals(db.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
