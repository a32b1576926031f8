package org.openevent.export.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The Pentabarf/frab schedule XML (as frab, pretalx and the c3voc tools exchange it): a conference header, then
 * days, rooms within a day, and one {@code <event>} per scheduled session. Sessions are {@code <event>} fragments
 * rendered on their own; the day and room elements around them come from {@link #dayOpen}, {@link #roomOpen} and
 * friends. The format cannot say "cancelled", so cancelled sessions are not part of it.
 */
public final class Pentabarf {

    private static final DateTimeFormatter OFFSET_DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CalendarContent content;

    public Pentabarf(CalendarContent content) {
        this.content = content;
    }

    /** The document up to the first day: schedule version and conference facts. */
    public byte[] open(EventInfo event, long scheduleVersion, LocalDate firstDay, LocalDate lastDay) {
        ZoneId zone = CalendarContent.zoneOf(event);
        StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>");
        element("version", String.valueOf(scheduleVersion), out);
        out.append("<conference>");
        element("acronym", event.identifier(), out);
        element("title", CalendarContent.clean(event.name()), out);
        element("start", firstDay.toString(), out);
        element("end", lastDay.toString(), out);
        element("days", String.valueOf(ChronoUnit.DAYS.between(firstDay, lastDay) + 1), out);
        element("timeslot_duration", "00:05", out);
        element("time_zone_name", zone.getId(), out);
        element("base_url", content.eventUrl(event) + "/", out);
        out.append("</conference>");
        return bytes(out);
    }

    /** A day's opening tag; its index counts from the conference's first day (1 for the first). */
    public byte[] dayOpen(EventInfo event, LocalDate firstDay, LocalDate date, OffsetDateTime start, OffsetDateTime end) {
        ZoneId zone = CalendarContent.zoneOf(event);
        return bytes(new StringBuilder(160).append("<day index=\"").append(ChronoUnit.DAYS.between(firstDay, date) + 1)
                .append("\" date=\"").append(date).append("\" start=\"").append(local(start, zone))
                .append("\" end=\"").append(local(end, zone)).append("\">"));
    }

    public byte[] dayClose() {
        return "</day>".getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] roomOpen(String name) {
        StringBuilder out = new StringBuilder(64).append("<room name=\"");
        Xml.escape(CalendarContent.clean(name), out);
        return bytes(out.append("\">"));
    }

    public byte[] roomClose() {
        return "</room>".getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] close() {
        return "</schedule>\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** The room a session without one is listed under: the venue's name. */
    public static String roomOf(EventInfo event, String roomName) {
        if (CalendarContent.notBlank(roomName)) {
            return roomName;
        }
        return CalendarContent.notBlank(event.locationName()) ? event.locationName() : "Venue";
    }

    /** The local date a session's day is in. */
    public static LocalDate dayOf(EventInfo event, OffsetDateTime start) {
        return start.atZoneSameInstant(CalendarContent.zoneOf(event)).toLocalDate();
    }

    /** One session as an {@code <event>} element. */
    public byte[] event(EventInfo event, SessionInfo session) {
        ZoneId zone = CalendarContent.zoneOf(event);
        ZonedDateTime start = session.startsAt().atZoneSameInstant(zone);
        String uid = content.uid(event, session.id());
        StringBuilder out = new StringBuilder(1024).append("<event guid=\"")
                .append(UUID.nameUUIDFromBytes(uid.getBytes(StandardCharsets.UTF_8))).append("\" id=\"")
                .append(session.id()).append("\">");
        element("date", OFFSET_DATE_TIME.format(start.toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)), out);
        element("start", String.format(Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute()), out);
        long minutes = Math.max(0, Duration.between(session.startsAt(), session.endsAt()).toMinutes());
        element("duration", String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60), out);
        element("room", CalendarContent.clean(roomOf(event, session.roomName())), out);
        element("slug", event.identifier() + "-" + session.id() + slug(session.title()), out);
        element("url", content.sessionUrl(event, session.id()), out);
        element("title", CalendarContent.clean(session.title()), out);
        element("subtitle", text(session.subtitle()), out);
        element("track", text(session.trackName()), out);
        element("type", CalendarContent.notBlank(session.sessionTypeName()) ? session.sessionTypeName() : "Talk", out);
        element("language", text(session.language()), out);
        element("abstract", session.shortAbstract() == null ? "" : CalendarContent.plainText(session.shortAbstract()), out);
        element("description", session.longAbstract() == null ? "" : CalendarContent.plainText(session.longAbstract()), out);
        out.append("<persons>");
        for (SessionInfo.Speaker speaker : session.speakers()) {
            out.append("<person id=\"").append(speaker.id()).append("\">");
            Xml.escape(CalendarContent.clean(speaker.name()), out);
            out.append("</person>");
        }
        out.append("</persons><links/></event>");
        return bytes(out);
    }

    private static String local(OffsetDateTime value, ZoneId zone) {
        return OFFSET_DATE_TIME.format(value.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String slug(String title) {
        String slug = CalendarContent.clean(title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "" : "-" + (slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug);
    }

    private static String text(String value) {
        return value == null ? "" : CalendarContent.clean(value);
    }

    private static void element(String name, String text, StringBuilder out) {
        out.append('<').append(name).append('>');
        Xml.escape(text, out);
        out.append("</").append(name).append('>');
    }

    private static byte[] bytes(StringBuilder out) {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
