package org.openevent.export.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.property.RecurrenceDates;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The VTIMEZONE builder against the JDK's own rules, for northern, southern, DST-free and UTC zones. */
class VTimezoneFactoryTests {

    static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant TO = Instant.parse("2028-06-01T00:00:00Z");
    static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /**
     * Every few hours of the window must map to the same UTC offset as java.time says. The oracle below reads
     * the component like a client does: onsets are DTSTART, RDATEs and RRULE expansions (by biweekly's
     * RFC 2445 iterator) in local time before the change, the latest onset not after an instant wins.
     */
    static void assertMatchesZoneRules(ZoneId zone, VTimezone component, Instant from, Instant to) {
        List<Observance> observances = new ArrayList<>(component.getStandardTimes());
        observances.addAll(component.getDaylightSavingsTime());
        for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofHours(5))) {
            Observance best = null;
            Instant bestOnset = null;
            for (Observance observance : observances) {
                for (Instant onset : onsets(observance, to)) {
                    if (!onset.isAfter(at) && (bestOnset == null || onset.isAfter(bestOnset))) {
                        best = observance;
                        bestOnset = onset;
                    }
                }
            }
            assertNotNull(best, "no observance for " + at);
            long expected = zone.getRules().getOffset(at).getTotalSeconds() * 1000L;
            assertEquals(expected, best.getTimezoneOffsetTo().getValue().getMillis(), "offset at " + at);
            assertEquals(zone.getRules().isDaylightSavings(at), best instanceof DaylightSavingsTime,
                    "observance kind at " + at);
        }
    }

    static List<Instant> onsets(Observance observance, Instant until) {
        long fromMillis = observance.getTimezoneOffsetFrom().getValue().getMillis();
        List<Date> localAsUtc = new ArrayList<>();
        DateTimeComponents start = observance.getDateStart().getValue().getRawComponents();
        Date startDate = start.toDate(UTC);
        localAsUtc.add(startDate);
        for (RecurrenceDates dates : observance.getRecurrenceDates()) {
            dates.getDates().forEach(d -> localAsUtc.add(d.getRawComponents().toDate(UTC)));
        }
        if (observance.getRecurrenceRule() != null) {
            DateIterator it = observance.getRecurrenceRule().getValue().getDateIterator(new ICalDate(startDate), UTC);
            while (it.hasNext()) {
                Date next = it.next();
                if (next.toInstant().isAfter(until.plus(Duration.ofDays(400)))) {
                    break;
                }
                localAsUtc.add(next);
            }
        }
        return localAsUtc.stream().map(d -> d.toInstant().minusMillis(fromMillis)).toList();
    }

    static void assertMatchesZoneRules(ZoneId zone, VTimezone component) {
        assertMatchesZoneRules(zone, component, FROM, TO);
    }

    @Test
    void southernHemisphereZoneHasDaylightInOctoberAndStandardInApril() {
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        VTimezone component = VTimezoneFactory.build(sydney, FROM, TO);
        assertEquals("Australia/Sydney", component.getTimezoneId().getValue());
        assertEquals(1, component.getDaylightSavingsTime().size());
        assertEquals(1, component.getStandardTimes().size());
        DaylightSavingsTime daylight = component.getDaylightSavingsTime().get(0);
        StandardTime standard = component.getStandardTimes().get(0);
        assertEquals(10, daylight.getDateStart().getValue().getRawComponents().getMonth());
        assertEquals(4, standard.getDateStart().getValue().getRawComponents().getMonth());
        assertEquals(10 * 3600_000L, daylight.getTimezoneOffsetFrom().getValue().getMillis());
        assertEquals(11 * 3600_000L, daylight.getTimezoneOffsetTo().getValue().getMillis());
        assertEquals(11 * 3600_000L, standard.getTimezoneOffsetFrom().getValue().getMillis());
        assertEquals(10 * 3600_000L, standard.getTimezoneOffsetTo().getValue().getMillis());
        assertNotNull(daylight.getRecurrenceRule(), "a yearly rule is written as RRULE");
        assertMatchesZoneRules(sydney, component);
    }

    @Test
    void europeanZoneHasBothObservancesAndMatchesTheRules() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        VTimezone component = VTimezoneFactory.build(berlin, FROM, TO);
        assertEquals(1, component.getDaylightSavingsTime().size());
        assertEquals(1, component.getStandardTimes().size());
        assertEquals(3, component.getDaylightSavingsTime().get(0).getDateStart().getValue().getRawComponents().getMonth());
        assertEquals(2, component.getDaylightSavingsTime().get(0).getDateStart().getValue().getRawComponents().getHour());
        assertEquals("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", recurrence(component.getDaylightSavingsTime().get(0)));
        assertEquals("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", recurrence(component.getStandardTimes().get(0)));
        assertMatchesZoneRules(berlin, component);
    }

    @Test
    void americanRulesNameTheWeekInsteadOfTheOrdinalThatIcal4jMisreads() {
        ZoneId newYork = ZoneId.of("America/New_York");
        VTimezone component = VTimezoneFactory.build(newYork, FROM, TO);
        assertEquals("FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14;BYMONTH=3",
                recurrence(component.getDaylightSavingsTime().get(0)));
        assertEquals("FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", recurrence(component.getStandardTimes().get(0)));
        assertMatchesZoneRules(newYork, component);
    }

    static String recurrence(Observance observance) {
        assertNotNull(observance.getRecurrenceRule(), "RRULE expected");
        return new biweekly.io.scribe.property.RecurrenceRuleScribe()
                .writeText(observance.getRecurrenceRule(), new biweekly.io.WriteContext(biweekly.ICalVersion.V2_0,
                        new biweekly.io.TimezoneInfo(), null));
    }

    @Test
    void zoneWithoutDaylightSavingHasOneStandardObservance() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        VTimezone component = VTimezoneFactory.build(kolkata, FROM, TO);
        assertTrue(component.getDaylightSavingsTime().isEmpty());
        assertEquals(1, component.getStandardTimes().size());
        StandardTime standard = component.getStandardTimes().get(0);
        assertEquals(19_800_000L, standard.getTimezoneOffsetTo().getValue().getMillis());
        assertFalse(standard.getDateStart().getValue().getRawComponents().getYear() > 2026,
                "the observance must start before the window");
        assertMatchesZoneRules(kolkata, component);
    }

    @Test
    void utcNeedsNoTimezoneComponent() {
        assertTrue(VTimezoneFactory.isUtc(ZoneId.of("UTC")));
        assertTrue(VTimezoneFactory.isUtc(ZoneId.of("Etc/UTC")));
        assertTrue(VTimezoneFactory.isUtc(ZoneId.of("Z")));
        assertFalse(VTimezoneFactory.isUtc(ZoneId.of("Europe/London")));
        assertFalse(VTimezoneFactory.isUtc(ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void zoneWhoseRulesChangedInsideTheWindowFallsBackToExplicitDates() {
        // Mexico City abolished daylight saving in October 2022: the window must list the last changes.
        ZoneId mexico = ZoneId.of("America/Mexico_City");
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-01-01T00:00:00Z");
        VTimezone component = VTimezoneFactory.build(mexico, from, to);
        assertFalse(component.getDaylightSavingsTime().isEmpty());
        assertMatchesZoneRules(mexico, component, from, to);
    }
}
