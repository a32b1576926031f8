package org.openevent.export.calendar;

import java.util.List;

/**
 * One serialization of the iCalendar model: iCalendar text, xCal or jCal. A calendar is written as
 * {@code open}, components separated by {@code separator}, then {@code close}, so components can be rendered on
 * their own, stored, and concatenated later.
 */
public interface CalendarSyntax {

    /** Everything before the first component: the VCALENDAR's start and its properties. */
    byte[] open(List<CalProperty> calendarProperties);

    /** One component (with its sub-components), standalone. */
    byte[] component(CalComponent component);

    /** What goes between two consecutive components. */
    byte[] separator();

    /** Everything after the last component. */
    byte[] close();
}
