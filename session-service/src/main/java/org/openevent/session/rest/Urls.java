package org.openevent.session.rest;

/** The URL check shared by attributes that must hold an absolute web address. */
final class Urls {

    static final String PATTERN = "https?://\\S+";
    static final String MESSAGE = "Not a valid URL.";

    private Urls() {
    }
}
