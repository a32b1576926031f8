package org.openevent.export.calendar;

import java.util.List;

/**
 * One property: its name (upper case, as in iCalendar), its parameters (never VALUE: the writers derive it from
 * the value's type where the syntax needs it, see {@link #typeExplicit}) and its value.
 *
 * @param typeExplicit whether iCalendar text must name the value type ({@code VALUE=DURATION} of REFRESH-INTERVAL)
 */
public record CalProperty(String name, List<Param> params, CalValue value, boolean typeExplicit) {

    public CalProperty(String name, CalValue value) {
        this(name, List.of(), value, false);
    }

    public CalProperty(String name, List<Param> params, CalValue value) {
        this(name, params, value, false);
    }

    /** A single-valued TEXT parameter such as {@code TZID}. */
    public record Param(String name, String value) {
    }
}
