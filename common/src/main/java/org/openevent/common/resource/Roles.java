package org.openevent.common.resource;

import java.util.List;
import java.util.Set;

/** The names of event roles, as the original server stores them. */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String ORGANIZER = "organizer";
    public static final String COORGANIZER = "coorganizer";
    public static final String TRACK_ORGANIZER = "track_organizer";
    public static final String MODERATOR = "moderator";
    public static final String REGISTRAR = "registrar";

    /** Every event role, most powerful first. */
    public static final List<String> ALL = List.of(OWNER, ORGANIZER, COORGANIZER, TRACK_ORGANIZER, MODERATOR, REGISTRAR);
    /** Roles with "co-organizer access" in the original's terms. */
    public static final Set<String> COORGANIZERS = Set.of(OWNER, ORGANIZER, COORGANIZER);

    private Roles() {
    }
}
