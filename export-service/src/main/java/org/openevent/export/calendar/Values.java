package org.openevent.export.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Value formatting shared by the writers: numbers without exponents, ISO and basic date-times, UTC offsets. */
final class Values {


    private Values() {
    }

    static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String basic(LocalDateTime value) {
        char[] out = new char[15];
        digits(out, 0, value.getYear(), 4);
        digits(out, 4, value.getMonthValue(), 2);
        digits(out, 6, value.getDayOfMonth(), 2);
        out[8] = 'T';
        digits(out, 9, value.getHour(), 2);
        digits(out, 11, value.getMinute(), 2);
        digits(out, 13, value.getSecond(), 2);
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String basicUtc(Instant value) {
        return basic(LocalDateTime.ofInstant(value, ZoneOffset.UTC)) + "Z";
    }

    static String extended(LocalDateTime value) {
        char[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0'};
        digits(out, 0, value.getYear(), 4);
        digits(out, 5, value.getMonthValue(), 2);
        digits(out, 8, value.getDayOfMonth(), 2);
        digits(out, 11, value.getHour(), 2);
        digits(out, 14, value.getMinute(), 2);
        digits(out, 17, value.getSecond(), 2);
        return new String(out);
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
