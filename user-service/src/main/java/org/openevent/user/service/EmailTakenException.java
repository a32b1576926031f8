package org.openevent.user.service;

/** Another live account already uses the requested e-mail address. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("Email already exists");
    }
}
