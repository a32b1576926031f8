package org.openevent.event.domain;

/** A named row whose URL-friendly slug is derived from its name. */
public interface Slugged {

    String name();

    void slug(String slug);
}
