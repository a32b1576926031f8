package org.openevent.user.service;

/**
 * Another live account already uses the requested e-mail address. Kept apart from {@code ApiException} because the
 * frontend's sign-up form compares {@code errors[0].status === 409} as a JSON number (the mapper answers that).
 */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("Email already exists", null, false, false);
    }
}
