package org.openevent.export.calendar;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalWriter;
import biweekly.property.CalendarScale;
import biweekly.property.Geo;
import biweekly.property.Sequence;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Renders a {@link Schedule} as an RFC 5545 calendar: biweekly builds and escapes the content, the time zone
 * comes from {@link VTimezoneFactory} and the lines are folded by octets with {@link OctetFolding}.
 * Pure CPU work without I/O: callers run it off the event loop.
 */
public class CalendarRenderer {

    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern BREAK_TAGS = Pattern.compile("(?i)<\\s*(br\\s*/?|/p|/div|/li|/h[1-6])\\s*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final Settings config;

    public CalendarRenderer(Settings config) {
        this.config = config;
    }

    /**
     * What varies per deployment.
     *
     * @param productId PRODID of the calendars
     * @param publicBaseUrl frontend base of event and session URLs
     * @param uidDomain domain part of VEVENT UIDs
     * @param timezoneMargin how far around the schedule the VTIMEZONE rules reach
     */
    public record Settings(String productId, String publicBaseUrl, String uidDomain, Duration timezoneMargin) {
    }

    /** The calendar as UTF-8 bytes with CRLF line ends and lines of at most 75 octets. */
    public byte[] render(Schedule schedule) {
        Schedule.EventInfo event = schedule.event();
        ZoneId zone = zoneOf(event);
        ICalendar calendar = new ICalendar();
        calendar.setProductId(config.productId());
        calendar.setCalendarScale(CalendarScale.gregorian());
        String name = clean(event.name());
        calendar.setName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        calendar.setExperimentalProperty("X-WR-CALDESC", "Schedule of " + name);
        calendar.setExperimentalProperty("X-WR-TIMEZONE", VTimezoneFactory.isUtc(zone) ? "UTC" : zone.getId());
        calendar.setUrl(eventUrl(event));
        if (!VTimezoneFactory.isUtc(zone)) {
            Instant[] window = window(schedule);
            TimezoneAssignment assignment = new TimezoneAssignment(TimeZone.getTimeZone(zone),
                    VTimezoneFactory.build(zone, window[0], window[1]));
            calendar.getTimezoneInfo().setDefaultTimezone(assignment);
        }
        for (Schedule.SessionInfo session : schedule.sessions()) {
            calendar.addEvent(vevent(event, session));
        }
        StringWriter text = new StringWriter();
        try (ICalWriter writer = new ICalWriter(text, ICalVersion.V2_0)) {
            // Folding by characters is switched off here; OctetFolding folds by octets afterwards.
            writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            writer.write(calendar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OctetFolding.fold(text.toString());
    }

    /** The stable UID of a session's VEVENT: the same session yields the same UID in every export. */
    public String uid(Schedule.EventInfo event, long sessionId) {
        return "session-" + sessionId + "@" + event.identifier() + "." + config.uidDomain();
    }

    private VEvent vevent(Schedule.EventInfo event, Schedule.SessionInfo session) {
        VEvent vevent = new VEvent();
        vevent.setUid(uid(event, session.id()));
        Date modified = Date.from(session.updatedAt().toInstant());
        vevent.setDateTimeStamp(modified);
        vevent.setLastModified(modified);
        vevent.setSequence(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, session.version() - 1))));
        vevent.setSummary(clean(session.title()));
        vevent.setDateStart(Date.from(session.startsAt().toInstant()), true);
        vevent.setDateEnd(Date.from(session.endsAt().toInstant()), true);
        String location = location(event, session);
        if (location != null) {
            vevent.setLocation(location);
        }
        if (session.roomLatitude() != null && session.roomLongitude() != null) {
            vevent.setGeo(new Geo(session.roomLatitude(), session.roomLongitude()));
        } else if (event.latitude() != null && event.longitude() != null) {
            vevent.setGeo(new Geo(event.latitude(), event.longitude()));
        }
        String description = description(session);
        if (!description.isEmpty()) {
            vevent.setDescription(description);
        }
        vevent.setUrl(eventUrl(event) + "/session/" + session.id());
        if (session.trackName() != null) {
            vevent.addCategories(clean(session.trackName()));
        }
        return vevent;
    }

    private static String location(Schedule.EventInfo event, Schedule.SessionInfo session) {
        List<String> parts = new ArrayList<>(2);
        if (notBlank(session.roomName())) {
            parts.add(clean(session.roomName()));
        }
        if (notBlank(event.locationName())) {
            parts.add(clean(event.locationName()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String description(Schedule.SessionInfo session) {
        List<String> parts = new ArrayList<>();
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
            parts.add("Speakers: " + clean(String.join(", ", session.speakers())));
        }
        return String.join("\n\n", parts);
    }

    private String eventUrl(Schedule.EventInfo event) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/e/" + event.identifier();
    }

    /** Covers the event's dates and every session's, so the VTIMEZONE holds all instants written. */
    private Instant[] window(Schedule schedule) {
        List<OffsetDateTime> instants = new ArrayList<>();
        instants.add(schedule.event().startsAt());
        instants.add(schedule.event().endsAt());
        for (Schedule.SessionInfo session : schedule.sessions()) {
            instants.add(session.startsAt());
            instants.add(session.endsAt());
        }
        Instant first = null;
        Instant last = null;
        for (OffsetDateTime value : instants) {
            if (value == null) {
                continue;
            }
            Instant instant = value.toInstant();
            first = first == null || instant.isBefore(first) ? instant : first;
            last = last == null || instant.isAfter(last) ? instant : last;
        }
        if (first == null) {
            first = Instant.now();
            last = first;
        }
        return new Instant[] {first.minus(config.timezoneMargin()), last.plus(config.timezoneMargin())};
    }

    private static ZoneId zoneOf(Schedule.EventInfo event) {
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

    /** Rich-text abstracts become plain text: line-breaking tags become newlines, other tags go. */
    static String plainText(String html) {
        String text = BREAK_TAGS.matcher(html).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(clean(text)).replaceAll("\n\n").strip();
    }

    /** Control characters other than tab and newline corrupt calendar files; CR and CRLF become LF. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
