package org.openevent.export.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Value formatting shared by the writers: numbers without exponents, ISO and basic date-times, UTC offsets. */
final class Values {

    static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final DateTimeFormatter EXTENDED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Values() {
    }

    static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String basic(LocalDateTime value) {
        return BASIC.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    static String basicUtc(Instant value) {
        return basic(LocalDateTime.ofInstant(value, ZoneOffset.UTC)) + "Z";
    }

    static String extended(LocalDateTime value) {
        return EXTENDED.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    static String extendedUtc(Instant value) {
        return extended(LocalDateTime.ofInstant(value, ZoneOffset.UTC)) + "Z";
    }

    /** {@code +0200} in iCalendar text, {@code +02:00} in xCal and jCal; seconds only when present. */
    static String offset(int totalSeconds, boolean colons) {
        int abs = Math.abs(totalSeconds);
        String sep = colons ? ":" : "";
        String text = (totalSeconds < 0 ? "-" : "+") + two(abs / 3600) + sep + two(abs / 60 % 60);
        return abs % 60 == 0 ? text : text + sep + two(abs % 60);
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    /** True for RECUR parts whose values are integers (jCal writes them as numbers). */
    static boolean numericRulePart(String part) {
        return switch (part) {
            case "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO",
                 "BYMONTH", "BYSETPOS" -> true;
            default -> false;
        };
    }
}
