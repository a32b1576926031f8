package org.openevent.common.resource;

/** A single attribute value that cannot be accepted; the caller attaches the pointer. */
public class InvalidValue extends RuntimeException {

    public InvalidValue(String message) {
        super(message, null, false, false);
    }
}
