package org.openevent.export.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openevent.export.testing.Validators;

/** Rendering without the database: content, escaping, folding by octets, time zones and the three syntaxes. */
class CalendarSyntaxTests {

    static final String LONG_TITLE = "Grüße aus München: Übersicht über Ökosysteme — Ελληνικά, 日本語のセッション, "
            + "emoji 🎉🎉🎉 and a comma, a semicolon; a backslash \\ done";

    static final CalendarContent CONTENT = new CalendarContent(new CalendarContent.Settings("-//Test//Test//EN",
            "https://events.example.org/", "example.org", Duration.ofDays(366), Duration.ofMinutes(30)));

    static EventInfo event(String zone) {
        return new EventInfo(7, "abc123", "FOSSASIA Summit", "<p>About</p>", zone, "Lifelong Learning Institute",
                1.31, 103.9, OffsetDateTime.parse("2027-07-01T09:00:00+02:00"),
                OffsetDateTime.parse("2027-07-02T18:00:00+02:00"), 4, OffsetDateTime.parse("2027-05-01T09:00:00Z"));
    }

    static SessionInfo talk(boolean cancelled) {
        return new SessionInfo(5, LONG_TITLE, null, "<p>Short <b>abstract</b></p>\u0007\uD800", null, "en",
                OffsetDateTime.parse("2027-07-01T08:30:00Z"), OffsetDateTime.parse("2027-07-01T09:15:00Z"), "Open Tech",
                "Hall A", 52.5, 13.4, "Talk", List.of(new SessionInfo.Speaker(1, "Ada", "Analytical"),
                new SessionInfo.Speaker(2, "Grace", null)), 3, OffsetDateTime.parse("2027-05-01T10:00:00Z"), cancelled);
    }

    /** A whole calendar through one syntax: open, the time zone, the event, the sessions, close. */
    static byte[] calendar(CalendarSyntax syntax, EventInfo event, SessionInfo... sessions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(syntax.open(CONTENT.calendarProperties(event, event.name())));
        List<CalComponent> components = new ArrayList<>(CONTENT.timezones(event, null, null));
        components.add(CONTENT.event(event));
        for (SessionInfo session : sessions) {
            components.add(CONTENT.session(event, session));
        }
        for (int i = 0; i < components.size(); i++) {
            out.writeBytes(i == 0 ? new byte[0] : syntax.separator());
            out.writeBytes(syntax.component(components.get(i)));
        }
        out.writeBytes(syntax.close());
        return out.toByteArray();
    }

    @Test
    void iCalendarTextIsFoldedByOctetsEscapedAndRoundTrips() {
        byte[] bytes = calendar(new ICalText(), event("Europe/Berlin"), talk(false));
        Validators.assertOctetFolded(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.length() > text.replace("\r\n ", "").length(), "the long title is folded");
        Validators.ical4j(text);
        Validators.biweeklyText(text);
        VEvent event = Biweekly.parse(text).first().getEvents().get(1);
        assertEquals(LONG_TITLE, event.getSummary().getValue());
        assertEquals("session-5@abc123.example.org", event.getUid().getValue());
        assertEquals("https://events.example.org/e/abc123/session/5", event.getUrl().getValue());
        assertEquals("Hall A, Lifelong Learning Institute", event.getLocation().getValue());
        assertEquals(2, event.getSequence().getValue());
        assertEquals("CONFIRMED", event.getStatus().getValue());
        String description = event.getDescription().getValue();
        assertTrue(description.startsWith("Short abstract"), description);
        assertTrue(description.contains("Speakers: Ada (Analytical), Grace"), description);
        assertFalse(description.contains("\u0007") || description.contains("\uD800"));
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("\r\nDTSTART;TZID=Europe/Berlin:20270701T103000\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nDTSTAMP:20270501T100000Z\r\n"));
        assertTrue(unfolded.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT30M\r\nX-PUBLISHED-TTL:PT30M\r\n"));
        assertTrue(unfolded.contains("SUMMARY:Grüße aus München: Übersicht über Ökosysteme — Ελληνικά\\, 日本語のセッション\\, "
                + "emoji 🎉🎉🎉 and a comma\\, a semicolon\\; a backslash \\\\ done\r\n"), unfolded);
    }

    @Test
    void aCancelledSessionSaysSoEverywhere() {
        String text = new String(calendar(new ICalText(), event("Asia/Singapore"), talk(true)), StandardCharsets.UTF_8);
        VEvent event = Biweekly.parse(text).first().getEvents().get(1);
        assertEquals("CANCELLED", event.getStatus().getValue());
        assertEquals("Cancelled: " + LONG_TITLE, event.getSummary().getValue());
        assertTrue(event.getDescription().getValue().startsWith("This session has been cancelled."));
        String xcal = new String(calendar(new XCal(), event("Asia/Singapore"), talk(true)), StandardCharsets.UTF_8);
        Validators.assertXcalSchema(xcal);
        assertEquals("CANCELLED", Validators.biweeklyXml(xcal).get("session-5@abc123.example.org").status());
    }

    @Test
    void utcEventsUseUtcTimesWithoutTimezoneComponent() {
        String text = new String(calendar(new ICalText(), event("UTC"), talk(false)), StandardCharsets.UTF_8);
        assertFalse(text.contains("BEGIN:VTIMEZONE"));
        assertTrue(text.contains("\r\nDTSTART:20270701T083000Z\r\n"), text);
        assertTrue(text.contains("\r\nX-WR-TIMEZONE:UTC\r\n"));
    }

    @Test
    void xCalAndJCalCarryTheSameCalendar() {
        EventInfo berlin = event("Europe/Berlin");
        String xcal = new String(calendar(new XCal(), berlin, talk(false)), StandardCharsets.UTF_8);
        Validators.assertXcalSchema(xcal);
        assertTrue(xcal.contains("<recur><freq>YEARLY</freq><byday>-1SU</byday><bymonth>3</bymonth></recur>"), xcal);
        String jcal = new String(calendar(new JCal(), berlin, talk(false)), StandardCharsets.UTF_8);
        assertTrue(jcal.contains("[\"rrule\",{},\"recur\",{\"freq\":\"YEARLY\",\"byday\":\"-1SU\",\"bymonth\":3}]"), jcal);
        assertTrue(jcal.contains("[\"dtstart\",{\"tzid\":\"Europe/Berlin\"},\"date-time\",\"2027-07-01T10:30:00\"]"), jcal);
        assertTrue(jcal.contains("[\"geo\",{},\"float\",[52.5,13.4]]"), jcal);
        Instant start = Instant.parse("2027-07-01T08:30:00Z");
        for (var entries : List.of(Validators.biweeklyXml(xcal), Validators.biweeklyJson(jcal))) {
            assertEquals(start, entries.get("session-5@abc123.example.org").start());
            assertEquals(LONG_TITLE, entries.get("session-5@abc123.example.org").summary());
        }
        ICalendar parsed = Biweekly.parseJson(jcal).first();
        assertEquals("FOSSASIA Summit", parsed.getNames().get(0).getValue());
    }

    @Test
    void timesInTheRepeatedHourOfAFallBackAreWrittenInUtc() {
        // Lisbon goes from +01:00 back to +00:00 at 02:00 on 2027-10-31: 01:00-02:00 happens twice. RFC 5545 reads
        // such a local time as its first occurrence, ical.js and Python's icalendar as the second: UTC is unambiguous.
        SessionInfo late = new SessionInfo(9, "Late", null, null, null, null,
                OffsetDateTime.parse("2027-10-31T00:45:00Z"), OffsetDateTime.parse("2027-10-31T01:25:00Z"), null, null,
                null, null, null, List.of(), 1, OffsetDateTime.parse("2027-05-01T10:00:00Z"), false);
        String text = new String(calendar(new ICalText(), event("Europe/Lisbon"), late), StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nDTSTART:20271031T004500Z\r\n"), text);
        assertTrue(text.contains("\r\nDTEND:20271031T012500Z\r\n"), text);
        var parsed = Validators.icalJs(text, false).get("session-9@abc123.example.org");
        assertEquals(Instant.parse("2027-10-31T00:45:00Z"), parsed.start());
        assertEquals(Instant.parse("2027-10-31T01:25:00Z"), parsed.end());
        Validators.biweeklyText(text);
        Validators.ical4j(text);
    }

    @Test
    void unknownZoneIsARenderingError() {
        assertThrows(IllegalArgumentException.class, () -> CONTENT.session(event("Mars/Olympus"), talk(false)));
    }

    @Test
    void htmlBecomesPlainTextAndUnencodableCharactersGo() {
        assertEquals("One\nTwo & <three>", CalendarContent.plainText("<p>One</p><p>Two &amp; &lt;three&gt;</p>"));
        assertEquals("a\nb\nc\n\nd &lt; e", CalendarContent.plainText(
                "<div class=\"x\">a<br>b<BR />c</P>\n\n\n\nd &amp;lt; e</div>"));
        assertNull(CalendarContent.clean(null));
        assertEquals("ab🎉c", CalendarContent.clean("a\uFFFEb\uD83C\uDF89\uDC00c\u0000"));
    }

    @Test
    void foldingNeverSplitsACodePoint() {
        String line = "SUMMARY:" + "é".repeat(100) + "\r\n";
        String folded = new String(OctetFolding.fold(line), StandardCharsets.UTF_8);
        assertEquals(line, folded.replace("\r\n ", ""));
        for (String physical : folded.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75);
        }
    }
}
