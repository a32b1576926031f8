package org.openevent.export.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a calendar says, independent of its syntax: the VCALENDAR properties, the VTIMEZONE, the event's own
 * VEVENT and one VEVENT per session (scheduled, or cancelled with STATUS:CANCELLED). UIDs are stable functions of
 * the event and session ids; SEQUENCE follows the upstream aggregate version, so it rises with every change,
 * a move or a cancellation included; DTSTAMP and LAST-MODIFIED are the time of that change, so an unchanged
 * calendar renders byte for byte the same. Pure CPU work: callers run it off the event loop.
 */
public final class CalendarContent {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    /** What a cancelled session's SUMMARY starts with, for clients (Google) that hide STATUS:CANCELLED. */
    public static final String CANCELLED_PREFIX = "Cancelled: ";

    private final Settings settings;

    public CalendarContent(Settings settings) {
        this.settings = settings;
    }

    /**
     * What varies per deployment.
     *
     * @param productId PRODID of the calendars
     * @param publicBaseUrl frontend base of event and session URLs
     * @param uidDomain domain part of UIDs
     * @param timezoneMargin how far around the schedule the VTIMEZONE rules reach
     * @param refreshInterval how often subscribed clients should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL)
     */
    public record Settings(String productId, String publicBaseUrl, String uidDomain, Duration timezoneMargin,
                           Duration refreshInterval) {
    }

    public Settings settings() {
        return settings;
    }

    /** The VCALENDAR properties of a calendar named {@code calendarName}. */
    public List<CalProperty> calendarProperties(EventInfo event, String calendarName) {
        ZoneId zone = zoneOf(event);
        String name = clean(calendarName);
        List<CalProperty> properties = new ArrayList<>();
        properties.add(new CalProperty("VERSION", new CalValue.Text("2.0")));
        properties.add(new CalProperty("PRODID", new CalValue.Text(settings.productId())));
        properties.add(new CalProperty("CALSCALE", new CalValue.Text("GREGORIAN")));
        properties.add(new CalProperty("NAME", new CalValue.Text(name)));
        properties.add(new CalProperty("X-WR-CALNAME", new CalValue.Text(name)));
        properties.add(new CalProperty("X-WR-CALDESC", new CalValue.Text("Schedule of " + clean(event.name()))));
        properties.add(new CalProperty("X-WR-TIMEZONE",
                new CalValue.Text(VTimezoneFactory.isUtc(zone) ? "UTC" : zone.getId())));
        properties.add(new CalProperty("REFRESH-INTERVAL", List.of(), new CalValue.Span(settings.refreshInterval()), true));
        properties.add(new CalProperty("X-PUBLISHED-TTL", new CalValue.Text(settings.refreshInterval().toString())));
        properties.add(new CalProperty("URL", new CalValue.Uri(eventUrl(event))));
        return properties;
    }

    /**
     * The VTIMEZONE components for the event's zone, covering the event and {@code [first, last]} (the listed
     * sessions) with the configured margin; none for UTC, whose times are written with {@code Z}.
     */
    public List<CalComponent> timezones(EventInfo event, Instant first, Instant last) {
        ZoneId zone = zoneOf(event);
        if (VTimezoneFactory.isUtc(zone)) {
            return List.of();
        }
        Instant from = earliest(first, event.startsAt(), event.endsAt());
        Instant to = latest(last, event.startsAt(), event.endsAt());
        if (from == null) {
            from = Instant.now();
            to = from;
        }
        return List.of(TimezoneComponents.of(zone, from.minus(settings.timezoneMargin()),
                to.plus(settings.timezoneMargin())));
    }

    /** The event's own VEVENT, or null when the event has no start (DTSTART is required). */
    public CalComponent event(EventInfo event) {
        if (event.startsAt() == null) {
            return null;
        }
        ZoneId zone = zoneOf(event);
        CalComponent.Builder vevent = new CalComponent.Builder("VEVENT")
                .add("UID", new CalValue.Text("event-" + event.id() + "@" + event.identifier() + "." + settings.uidDomain()))
                .add("DTSTAMP", new CalValue.UtcDateTime(event.updatedAt().toInstant()))
                .add("LAST-MODIFIED", new CalValue.UtcDateTime(event.updatedAt().toInstant()))
                .add("SEQUENCE", new CalValue.Integer(sequence(event.version())))
                .add("STATUS", new CalValue.Text("CONFIRMED"))
                .text("SUMMARY", clean(event.name()))
                .add(time("DTSTART", event.startsAt(), zone));
        if (event.endsAt() != null && event.endsAt().isAfter(event.startsAt())) {
            vevent.add(time("DTEND", event.endsAt(), zone));
        }
        vevent.text("LOCATION", clean(event.locationName()));
        if (event.latitude() != null && event.longitude() != null) {
            vevent.add("GEO", new CalValue.Geo(event.latitude(), event.longitude()));
        }
        vevent.text("DESCRIPTION", event.description() == null ? null : plainText(event.description()));
        vevent.add("URL", new CalValue.Uri(eventUrl(event)));
        return vevent.build();
    }

    /** A session's VEVENT; a cancelled one keeps its UID and says STATUS:CANCELLED with a raised SEQUENCE. */
    public CalComponent session(EventInfo event, SessionInfo session) {
        ZoneId zone = zoneOf(event);
        String title = clean(session.title());
        CalComponent.Builder vevent = new CalComponent.Builder("VEVENT")
                .add("UID", new CalValue.Text(uid(event, session.id())))
                .add("DTSTAMP", new CalValue.UtcDateTime(session.updatedAt().toInstant()))
                .add("LAST-MODIFIED", new CalValue.UtcDateTime(session.updatedAt().toInstant()))
                .add("SEQUENCE", new CalValue.Integer(sequence(session.version())))
                .add("STATUS", new CalValue.Text(session.cancelled() ? "CANCELLED" : "CONFIRMED"))
                .add("SUMMARY", new CalValue.Text(session.cancelled() ? CANCELLED_PREFIX + title : title))
                .add(time("DTSTART", session.startsAt(), zone));
        if (session.endsAt().isAfter(session.startsAt())) {
            vevent.add(time("DTEND", session.endsAt(), zone));
        }
        vevent.text("LOCATION", location(event, session));
        if (session.roomLatitude() != null && session.roomLongitude() != null) {
            vevent.add("GEO", new CalValue.Geo(session.roomLatitude(), session.roomLongitude()));
        } else if (event.latitude() != null && event.longitude() != null) {
            vevent.add("GEO", new CalValue.Geo(event.latitude(), event.longitude()));
        }
        vevent.text("DESCRIPTION", description(session));
        vevent.add("URL", new CalValue.Uri(sessionUrl(event, session.id())));
        if (session.trackName() != null && !session.trackName().isBlank()) {
            vevent.add("CATEGORIES", new CalValue.Text(clean(session.trackName())));
        }
        return vevent.build();
    }

    /** The stable UID of a session's VEVENT: the same session yields the same UID in every export and feed. */
    public String uid(EventInfo event, long sessionId) {
        return "session-" + sessionId + "@" + event.identifier() + "." + settings.uidDomain();
    }

    public String eventUrl(EventInfo event) {
        String base = settings.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/e/" + event.identifier();
    }

    public String sessionUrl(EventInfo event, long sessionId) {
        return eventUrl(event) + "/session/" + sessionId;
    }

    /** The event's zone; an unknown zone name is a rendering error naming it. */
    public static ZoneId zoneOf(EventInfo event) {
        if (event.timezone() == null || event.timezone().isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(event.timezone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + event.timezone() + "' of event "
                    + event.identifier(), e);
        }
    }

    /**
     * A date-time in the event's zone. A local time that occurs twice (in the hour repeated when clocks go back) is
     * written in UTC: RFC 5545 section 3.3.5 says it names the first occurrence, but ical.js and Python's icalendar
     * read the second, so only UTC means the same instant to every client.
     */
    private static CalProperty time(String name, OffsetDateTime value, ZoneId zone) {
        ZonedDateTime local = value.atZoneSameInstant(zone);
        if (VTimezoneFactory.isUtc(zone) || zone.getRules().getValidOffsets(local.toLocalDateTime()).size() > 1) {
            return new CalProperty(name, new CalValue.UtcDateTime(value.toInstant()));
        }
        return new CalProperty(name, List.of(new CalProperty.Param("TZID", zone.getId())),
                new CalValue.LocalDateTimes(local.toLocalDateTime()));
    }

    private static long sequence(long version) {
        return Math.max(0, version - 1);
    }

    private static String location(EventInfo event, SessionInfo session) {
        List<String> parts = new ArrayList<>(2);
        if (notBlank(session.roomName())) {
            parts.add(clean(session.roomName()));
        }
        if (notBlank(event.locationName())) {
            parts.add(clean(event.locationName()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String description(SessionInfo session) {
        List<String> parts = new ArrayList<>();
        if (session.cancelled()) {
            parts.add("This session has been cancelled.");
        }
        if (notBlank(session.subtitle())) {
            parts.add(clean(session.subtitle()));
        }
        String summary = notBlank(session.shortAbstract()) ? session.shortAbstract() : session.longAbstract();
        if (notBlank(summary)) {
            parts.add(plainText(summary));
        }
        if (notBlank(session.trackName())) {
            parts.add("Track: " + clean(session.trackName()));
        }
        if (notBlank(session.sessionTypeName())) {
            parts.add("Type: " + clean(session.sessionTypeName()));
        }
        if (!session.speakers().isEmpty()) {
            parts.add("Speakers: " + clean(String.join(", ",
                    session.speakers().stream().map(SessionInfo.Speaker::label).toList())));
        }
        return String.join("\n\n", parts);
    }

    private static Instant earliest(Instant candidate, OffsetDateTime... others) {
        Instant result = candidate;
        for (OffsetDateTime other : others) {
            if (other != null && (result == null || other.toInstant().isBefore(result))) {
                result = other.toInstant();
            }
        }
        return result;
    }

    private static Instant latest(Instant candidate, OffsetDateTime... others) {
        Instant result = candidate;
        for (OffsetDateTime other : others) {
            if (other != null && (result == null || other.toInstant().isAfter(result))) {
                result = other.toInstant();
            }
        }
        return result;
    }

    /**
     * Rich-text abstracts become plain text in one pass: line-breaking tags ({@code <br>}, {@code </p>},
     * {@code </div>}, {@code </li>}, {@code </h1>}...) become newlines, other tags go, the common entities are
     * decoded once, and runs of blank lines shrink to one.
     */
    public static String plainText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int length = html.length();
        for (int i = 0; i < length; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                if (end > 0) {
                    if (breaksLine(html.substring(i + 1, end))) {
                        out.append('\n');
                    }
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                int end = html.indexOf(';', i + 1);
                String entity = end > 0 && end - i <= 6 ? html.substring(i + 1, end) : "";
                String decoded = switch (entity) {
                    case "nbsp" -> " ";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "#39" -> "'";
                    case "amp" -> "&";
                    default -> null;
                };
                if (decoded != null) {
                    out.append(decoded);
                    i = end;
                    continue;
                }
            }
            out.append(c);
        }
        String text = clean(out.toString());
        return (text.contains("\n\n\n") ? BLANK_LINES.matcher(text).replaceAll("\n\n") : text).strip();
    }

    private static boolean breaksLine(String tag) {
        String name = tag.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("br")) {
            String rest = name.substring(2).strip();
            return rest.isEmpty() || rest.equals("/");
        }
        return name.equals("/p") || name.equals("/div") || name.equals("/li")
                || (name.length() == 3 && name.startsWith("/h") && name.charAt(2) >= '1' && name.charAt(2) <= '6');
    }

    /**
     * Characters no calendar format may carry go: control characters other than tab and newline, unpaired
     * surrogates and the non-characters U+FFFE and U+FFFF (invalid in XML); CR and CRLF become LF.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int i = 0;
        while (i < length && keeps(text, i)) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length).append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    continue;
                }
                out.append('\n');
            } else if (keeps(text, i)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the character at {@code i} stays as it is (a paired surrogate stays with its partner). */
    private static boolean keeps(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        if (c == '\t' || c == '\n') {
            return true;
        }
        if (c < 0x20 || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return true;
    }

    static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
