package org.openevent.export.calendar;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.VTimezone;
import biweekly.property.RecurrenceDates;
import biweekly.property.TimezoneName;
import biweekly.util.ByDay;
import biweekly.util.DateTimeComponents;
import biweekly.util.Recurrence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** VTIMEZONE components in this service's calendar model, built by {@link VTimezoneFactory} from the JDK's rules. */
public final class TimezoneComponents {

    private TimezoneComponents() {
    }

    /** The VTIMEZONE of {@code zone} covering {@code [from, to]}. */
    public static CalComponent of(ZoneId zone, Instant from, Instant to) {
        VTimezone source = VTimezoneFactory.build(zone, from, to);
        CalComponent.Builder component = new CalComponent.Builder("VTIMEZONE")
                .add("TZID", new CalValue.Text(source.getTimezoneId().getValue()));
        List<Observance> observances = new ArrayList<>(source.getStandardTimes());
        observances.addAll(source.getDaylightSavingsTime());
        for (Observance observance : observances) {
            component.component(observance(observance));
        }
        return component.build();
    }

    private static CalComponent observance(Observance observance) {
        CalComponent.Builder built = new CalComponent.Builder(
                observance instanceof DaylightSavingsTime ? "DAYLIGHT" : "STANDARD")
                .add("DTSTART", new CalValue.LocalDateTimes(local(observance.getDateStart().getValue().getRawComponents())))
                .add("TZOFFSETFROM", offset(observance.getTimezoneOffsetFrom().getValue()))
                .add("TZOFFSETTO", offset(observance.getTimezoneOffsetTo().getValue()));
        if (observance.getRecurrenceRule() != null) {
            built.add("RRULE", recur(observance.getRecurrenceRule().getValue()));
        }
        // One RDATE property per date: ical.js only reads the first value of a multi-valued RDATE.
        for (RecurrenceDates rdates : observance.getRecurrenceDates()) {
            rdates.getDates().forEach(date -> built.add("RDATE",
                    new CalValue.LocalDateTimes(local(date.getRawComponents()))));
        }
        for (TimezoneName name : observance.getTimezoneNames()) {
            built.text("TZNAME", name.getValue());
        }
        return built.build();
    }

    private static LocalDateTime local(DateTimeComponents c) {
        return LocalDateTime.of(c.getYear(), c.getMonth(), c.getDate(), c.getHour(), c.getMinute(), c.getSecond());
    }

    private static CalValue.UtcOffset offset(biweekly.util.UtcOffset offset) {
        return new CalValue.UtcOffset((int) (offset.getMillis() / 1000));
    }

    /** Rule parts in the order RFC 6321's schema requires for xCal (FREQ, BYDAY, BYMONTHDAY, BYMONTH). */
    private static CalValue.Recur recur(Recurrence recurrence) {
        List<Map.Entry<String, List<String>>> parts = new ArrayList<>();
        parts.add(Map.entry("FREQ", List.of(recurrence.getFrequency().name())));
        if (!recurrence.getByDay().isEmpty()) {
            List<String> days = new ArrayList<>();
            for (ByDay day : recurrence.getByDay()) {
                days.add((day.getNum() == null ? "" : String.valueOf(day.getNum())) + day.getDay().getAbbr());
            }
            parts.add(Map.entry("BYDAY", days));
        }
        if (!recurrence.getByMonthDay().isEmpty()) {
            parts.add(Map.entry("BYMONTHDAY", recurrence.getByMonthDay().stream().map(String::valueOf).toList()));
        }
        if (!recurrence.getByMonth().isEmpty()) {
            parts.add(Map.entry("BYMONTH", recurrence.getByMonth().stream().map(String::valueOf).toList()));
        }
        return new CalValue.Recur(parts);
    }
}
