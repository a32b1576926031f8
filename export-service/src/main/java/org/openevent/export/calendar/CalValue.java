package org.openevent.export.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A typed property value of the iCalendar data model (RFC 5545 section 3.3), limited to the types this service
 * writes. The iCalendar, xCal (RFC 6321) and jCal (RFC 7265) writers each map them to their own syntax.
 */
public sealed interface CalValue {

    /** The value type's name as RFC 5545 spells it (lower case for xCal elements and jCal type strings). */
    String typeName();

    /** One or more TEXT values (several only for multi-valued properties such as CATEGORIES). */
    record Text(List<String> values) implements CalValue {
        public Text(String value) {
            this(List.of(value));
        }

        @Override
        public String typeName() {
            return "text";
        }
    }

    /** A DATE-TIME in local time of the zone named by the property's TZID parameter (or floating in VTIMEZONE). */
    record LocalDateTimes(List<LocalDateTime> values) implements CalValue {
        public LocalDateTimes(LocalDateTime value) {
            this(List.of(value));
        }

        @Override
        public String typeName() {
            return "date-time";
        }
    }

    /** A DATE-TIME in UTC. */
    record UtcDateTime(Instant value) implements CalValue {
        @Override
        public String typeName() {
            return "date-time";
        }
    }

    /** An INTEGER. */
    record Integer(long value) implements CalValue {
        @Override
        public String typeName() {
            return "integer";
        }
    }

    /** A URI, written without TEXT escaping. */
    record Uri(String value) implements CalValue {
        @Override
        public String typeName() {
            return "uri";
        }
    }

    /** The two FLOATs of GEO. */
    record Geo(double latitude, double longitude) implements CalValue {
        @Override
        public String typeName() {
            return "float";
        }
    }

    /** A UTC-OFFSET in seconds. */
    record UtcOffset(int totalSeconds) implements CalValue {
        @Override
        public String typeName() {
            return "utc-offset";
        }
    }

    /** A DURATION. */
    record Span(Duration value) implements CalValue {
        @Override
        public String typeName() {
            return "duration";
        }
    }

    /**
     * A RECUR value as ordered rule parts ({@code FREQ}, {@code BYMONTH}, ...); each part has one or more values.
     * Numeric parts stay numbers in jCal.
     */
    record Recur(List<Map.Entry<String, List<String>>> parts) implements CalValue {
        @Override
        public String typeName() {
            return "recur";
        }
    }
}
