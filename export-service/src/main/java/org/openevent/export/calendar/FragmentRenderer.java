package org.openevent.export.calendar;

/** Renders one session as a stand-alone fragment of a format: a VEVENT, or a Pentabarf {@code <event>}. */
public final class FragmentRenderer {

    private final CalendarContent content;
    private final Pentabarf pentabarf;

    public FragmentRenderer(CalendarContent content, Pentabarf pentabarf) {
        this.content = content;
        this.pentabarf = pentabarf;
    }

    public byte[] render(Format format, EventInfo event, SessionInfo session) {
        return format == Format.PENTABARF ? pentabarf.event(event, session)
                : format.syntax().component(content.session(event, session));
    }
}
