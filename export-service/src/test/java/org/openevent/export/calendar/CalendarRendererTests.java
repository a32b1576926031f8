package org.openevent.export.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering without the database: structure, escaping, folding by octets and time zones. */
class CalendarRendererTests {

    static final String LONG_TITLE = "Grüße aus München: Übersicht über Ökosysteme — Ελληνικά, 日本語のセッション, "
            + "emoji 🎉🎉🎉 and a comma, a semicolon; a backslash \\ done";

    static final CalendarRenderer.Settings CONFIG = new CalendarRenderer.Settings("-//Test//Test//EN",
            "https://events.example.org/", "example.org", Duration.ofDays(366));

    static Schedule schedule(String zone) {
        Schedule.EventInfo event = new Schedule.EventInfo(7, "abc123", "FOSSASIA Summit", zone, "Lifelong Learning Institute",
                1.31, 103.9, OffsetDateTime.parse("2027-07-01T09:00:00+02:00"),
                OffsetDateTime.parse("2027-07-02T18:00:00+02:00"));
        Schedule.SessionInfo talk = new Schedule.SessionInfo(5, LONG_TITLE, null, "<p>Short <b>abstract</b></p>\u0007",
                null, OffsetDateTime.parse("2027-07-01T08:30:00Z"), OffsetDateTime.parse("2027-07-01T09:15:00Z"),
                "Open Tech", "Hall A", 52.5, 13.4, "Talk", List.of("Ada (Analytical)", "Grace"), 3,
                OffsetDateTime.parse("2027-05-01T10:00:00Z"));
        return new Schedule(event, List.of(talk));
    }

    @Test
    void linesAreFoldedByOctetsWithCrlfAndRoundTrip() {
        byte[] bytes = new CalendarRenderer(CONFIG).render(schedule("Europe/Berlin"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        int start = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                assertTrue(i - start <= 75, "line of " + (i - start) + " octets");
                start = i + 2;
            }
        }
        ICalendar parsed = Biweekly.parse(text).first();
        assertTrue(parsed.validate(ICalVersion.V2_0).isEmpty(), parsed.validate(ICalVersion.V2_0).toString());
        VEvent event = parsed.getEvents().get(0);
        assertEquals(LONG_TITLE, event.getSummary().getValue());
        assertEquals("session-5@abc123.example.org", event.getUid().getValue());
        assertEquals("https://events.example.org/e/abc123/session/5", event.getUrl().getValue());
        assertEquals("Hall A, Lifelong Learning Institute", event.getLocation().getValue());
        assertEquals(52.5, event.getGeo().getLatitude());
        assertEquals(2, event.getSequence().getValue());
        assertEquals("Open Tech", event.getCategories().get(0).getValues().get(0));
        String description = event.getDescription().getValue();
        assertTrue(description.startsWith("Short abstract"), description);
        assertTrue(description.contains("Speakers: Ada (Analytical), Grace"), description);
        assertFalse(description.contains("\u0007"));
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("\r\nDTSTART;TZID=Europe/Berlin:20270701T103000\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nX-WR-CALNAME:FOSSASIA Summit\r\n"));
        assertTrue(unfolded.contains("\r\nDTSTAMP:20270501T100000Z\r\n"));
    }

    @Test
    void utcEventsUseUtcTimesWithoutTimezoneComponent() {
        String text = new String(new CalendarRenderer(CONFIG).render(schedule("UTC")), StandardCharsets.UTF_8);
        assertFalse(text.contains("BEGIN:VTIMEZONE"));
        assertTrue(text.contains("\r\nDTSTART:20270701T083000Z\r\n"), text);
        assertTrue(text.contains("\r\nX-WR-TIMEZONE:UTC\r\n"));
    }

    @Test
    void unknownZoneIsARenderingError() {
        assertThrows(IllegalArgumentException.class, () -> new CalendarRenderer(CONFIG).render(schedule("Mars/Olympus")));
    }

    @Test
    void htmlAbstractsBecomePlainText() {
        assertEquals("One\nTwo & <three>", CalendarRenderer.plainText("<p>One</p><p>Two &amp; &lt;three&gt;</p>"));
        assertNull(CalendarRenderer.clean(null));
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
