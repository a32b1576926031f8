package org.openevent.export.calendar;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.property.RecurrenceDates;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Builds complete VTIMEZONE components from the JDK's time-zone database, never from the network.
 * Zones whose current rules recur yearly on a weekday get one STANDARD and one DAYLIGHT observance with an RRULE
 * in the forms every parser we test reads right; anything else (rule changes inside the window, fixed dates,
 * irregular rules) gets observances with one RDATE per transition of the window, plus the transition in force at
 * its start.
 */
public final class VTimezoneFactory {

    private static final int RULE_CHECK_YEARS = 5;

    private VTimezoneFactory() {
    }

    /** True for zones written as UTC date-times without any VTIMEZONE. */
    public static boolean isUtc(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        return rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0;
    }

    /** A VTIMEZONE for {@code zone} whose observances cover every instant in {@code [from, to]}. */
    public static VTimezone build(ZoneId zone, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Time-zone window ends before it starts");
        }
        VTimezone component = new VTimezone(zone.getId());
        List<Observance> observances = recurringObservances(zone, from);
        if (observances == null) {
            observances = explicitObservances(zone, from, to);
        }
        for (Observance observance : observances) {
            if (observance instanceof DaylightSavingsTime daylight) {
                component.addDaylightSavingsTime(daylight);
            } else {
                component.addStandardTime((StandardTime) observance);
            }
        }
        return component;
    }

    /** Yearly RRULE observances, or null when the zone's rules cannot be expressed that way for the window. */
    private static List<Observance> recurringObservances(ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        List<ZoneOffsetTransition> fixed = rules.getTransitions();
        Instant lastFixed = fixed.isEmpty() ? null : fixed.get(fixed.size() - 1).getInstant();
        if (yearly.isEmpty() || (lastFixed != null && !from.isAfter(lastFixed))) {
            return null;
        }
        int fromYear = LocalDateTime.ofInstant(from, ZoneOffset.UTC).getYear();
        List<Observance> observances = new ArrayList<>();
        Instant earliestOnset = null;
        for (ZoneOffsetTransitionRule rule : yearly) {
            int year = fromYear - 1;
            while (lastFixed != null && !rule.createTransition(year).getInstant().isAfter(lastFixed)) {
                year++;
            }
            ZoneOffsetTransition first = rule.createTransition(year);
            Recurrence recurrence = recurrenceOf(rule, year);
            if (recurrence == null) {
                return null;
            }
            Observance observance = observance(zone, first, rules.isDaylightSavings(first.getInstant()));
            observance.setRecurrenceRule(recurrence);
            observances.add(observance);
            if (earliestOnset == null || first.getInstant().isBefore(earliestOnset)) {
                earliestOnset = first.getInstant();
            }
        }
        return earliestOnset != null && !earliestOnset.isAfter(from) ? observances : null;
    }

    /** The RRULE of a yearly transition rule, or null when its local onset date is not a plain month/day rule. */
    static Recurrence recurrenceOf(ZoneOffsetTransitionRule rule, int firstYear) {
        if (rule.isMidnightEndOfDay()) {
            return null;
        }
        for (int year = firstYear; year < firstYear + RULE_CHECK_YEARS; year++) {
            // The onset is written in local wall time; if converting the rule's time shifts the date, BYDAY breaks.
            LocalDateTime onset = rule.createTransition(year).getDateTimeBefore();
            if (!onset.toLocalDate().equals(ruleDate(rule, year)) || !onset.toLocalTime().equals(
                    rule.createTransition(firstYear).getDateTimeBefore().toLocalTime())) {
                return null;
            }
        }
        Recurrence.Builder builder = new Recurrence.Builder(Frequency.YEARLY).byMonth(rule.getMonth().getValue());
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek dayOfWeek = rule.getDayOfWeek();
        if (dayOfWeek == null) {
            // A fixed date: ical4j cannot read an RRULE without BYDAY, so such zones are listed as dates.
            return null;
        }
        biweekly.util.DayOfWeek day = biweekly.util.DayOfWeek.valueOfAbbr(dayOfWeek.name().substring(0, 2));
        if (indicator == 1) {
            return builder.byDay(1, day).build();
        }
        int minLength = rule.getMonth().minLength();
        boolean lastWeekOfFixedMonth = indicator > 0 && minLength == rule.getMonth().maxLength()
                && indicator + 6 == minLength;
        if (indicator == -1 || lastWeekOfFixedMonth) {
            // "Sunday on or after the 25th" of a 31-day month is its last Sunday, the form clients know best.
            return builder.byDay(-1, day).build();
        }
        if (indicator > 0 && indicator + 6 > minLength) {
            return null;
        }
        // "Sunday on or after the 8th" (the US "second Sunday") as the weekday among the seven days it can fall on,
        // never as BYDAY=2SU: ical4j, and DAVx5 on Android with it, reads 2SU as the first Sunday on or after the
        // 2nd, while it reads this form (and every other parser reads both) right.
        List<Integer> days = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            days.add(indicator > 0 ? indicator + i : indicator - i);
        }
        return builder.byDay(day).byMonthDay(days).build();
    }

    /** The local date a rule names in a year, before any time-definition adjustment. */
    private static LocalDate ruleDate(ZoneOffsetTransitionRule rule, int year) {
        int indicator = rule.getDayOfMonthIndicator();
        LocalDate date;
        if (indicator < 0) {
            LocalDate monthStart = LocalDate.of(year, rule.getMonth(), 1);
            date = monthStart.withDayOfMonth(monthStart.lengthOfMonth() + 1 + indicator);
            return rule.getDayOfWeek() == null ? date : date.with(TemporalAdjusters.previousOrSame(rule.getDayOfWeek()));
        }
        date = LocalDate.of(year, rule.getMonth(), indicator);
        return rule.getDayOfWeek() == null ? date : date.with(TemporalAdjusters.nextOrSame(rule.getDayOfWeek()));
    }

    /** Observances listing the transition in force at {@code from} and every transition up to {@code to}. */
    private static List<Observance> explicitObservances(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        Map<String, Observance> byKind = new LinkedHashMap<>();
        ZoneOffsetTransition current = rules.previousTransition(from.plusSeconds(1));
        ZoneOffsetTransition inside = rules.nextTransition(from);
        // One offset for the whole window (Asia/Kolkata, Asia/Tokyo, ...): one observance whose offset does not
        // change. The last historic change instead (Kolkata's of 1945) would be read by ical4j as the current offset.
        boolean fixed = inside == null || inside.getInstant().isAfter(to);
        if (current == null || fixed) {
            ZoneOffset offset = rules.getOffset(from);
            LocalDateTime start = LocalDateTime.of(1970, 1, 1, 0, 0);
            Observance only = rules.isDaylightSavings(from) ? new DaylightSavingsTime() : new StandardTime();
            only.setDateStart(components(start));
            only.setTimezoneOffsetFrom(utcOffset(offset));
            only.setTimezoneOffsetTo(utcOffset(offset));
            only.addTimezoneName(displayName(zone, rules.isDaylightSavings(from)));
            byKind.put("initial", only);
            if (fixed) {
                return new ArrayList<>(byKind.values());
            }
        } else {
            add(byKind, zone, current);
        }
        ZoneOffsetTransition next = rules.nextTransition(current == null ? from : current.getInstant());
        while (next != null && !next.getInstant().isAfter(to)) {
            add(byKind, zone, next);
            next = rules.nextTransition(next.getInstant());
        }
        return new ArrayList<>(byKind.values());
    }

    private static void add(Map<String, Observance> byKind, ZoneId zone, ZoneOffsetTransition transition) {
        boolean daylight = zone.getRules().isDaylightSavings(transition.getInstant());
        String key = daylight + "|" + transition.getOffsetBefore() + "|" + transition.getOffsetAfter();
        Observance existing = byKind.get(key);
        if (existing == null) {
            byKind.put(key, observance(zone, transition, daylight));
            return;
        }
        RecurrenceDates dates = new RecurrenceDates();
        dates.getDates().add(new ICalDate(components(transition.getDateTimeBefore()), true));
        existing.addRecurrenceDates(dates);
    }

    private static Observance observance(ZoneId zone, ZoneOffsetTransition transition, boolean daylight) {
        Observance observance = daylight ? new DaylightSavingsTime() : new StandardTime();
        observance.setDateStart(components(transition.getDateTimeBefore()));
        observance.setTimezoneOffsetFrom(utcOffset(transition.getOffsetBefore()));
        observance.setTimezoneOffsetTo(utcOffset(transition.getOffsetAfter()));
        observance.addTimezoneName(displayName(zone, daylight));
        return observance;
    }

    private static DateTimeComponents components(LocalDateTime local) {
        return new DateTimeComponents(local.getYear(), local.getMonthValue(), local.getDayOfMonth(),
                local.getHour(), local.getMinute(), local.getSecond(), false);
    }

    private static UtcOffset utcOffset(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }

    private static String displayName(ZoneId zone, boolean daylight) {
        return TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.ENGLISH);
    }
}
