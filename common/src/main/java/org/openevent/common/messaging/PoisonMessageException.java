package org.openevent.common.messaging;

/** A record that can never be processed (unparseable or malformed); it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
