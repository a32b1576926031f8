package org.openevent.session.service;

import java.util.Set;
import java.util.function.Function;
import org.openevent.common.resource.Roles;

/** HQL over the role grants of the event projection, for visibility rules spanning events (lists by user). */
final class EventRoleQueries {

    private EventRoleQueries() {
    }

    /** {@code <alias>.eventId in (events where the user bound to me holds co-organizer access)}. */
    static String managedBy(String alias, String me, Function<Object, String> bind) {
        return heldBy(alias, me, bind, Roles.COORGANIZERS);
    }

    /** {@code <alias>.eventId in (events where the user bound to me holds one of the roles)}. */
    static String heldBy(String alias, String me, Function<Object, String> bind, Set<String> roles) {
        return alias + ".eventId in (select r.eventId from ProjectedEventRole r where r.userId = " + me
                + " and r.role in " + bind.apply(roles) + ")";
    }
}
