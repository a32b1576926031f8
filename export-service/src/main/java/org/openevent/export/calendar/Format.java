package org.openevent.export.calendar;

import java.util.Arrays;
import java.util.Optional;

/** The export and feed formats: the task format name, the feed file extension and the media type. */
public enum Format {
    ICAL("ical", "ics", "text/calendar; charset=utf-8", new ICalText()),
    XCAL("xcal", "xcs", "application/calendar+xml; charset=utf-8", new XCal()),
    JCAL("jcal", "jcal", "application/calendar+json", new JCal()),
    PENTABARF("pentabarf", "xml", "application/xml; charset=utf-8", null);

    private final String taskName;
    private final String extension;
    private final String contentType;
    private final CalendarSyntax syntax;

    Format(String taskName, String extension, String contentType, CalendarSyntax syntax) {
        this.taskName = taskName;
        this.extension = extension;
        this.contentType = contentType;
        this.syntax = syntax;
    }

    /** The name in export routes and tasks ({@code /export/ical}). */
    public String taskName() {
        return taskName;
    }

    /** The file extension of feeds and files ({@code .ics}). */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The iCalendar-model syntax, or null for Pentabarf, which has its own structure. */
    public CalendarSyntax syntax() {
        return syntax;
    }

    public static Optional<Format> byTaskName(String name) {
        return Arrays.stream(values()).filter(f -> f.taskName.equals(name)).findFirst();
    }

    public static Optional<Format> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
