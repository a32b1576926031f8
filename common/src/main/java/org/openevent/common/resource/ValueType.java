package org.openevent.common.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.openevent.common.jsonapi.query.FieldType;

/** How an attribute's JSON value is read from a request and how filters coerce it. */
public enum ValueType {
    STRING(FieldType.STRING),
    INTEGER(FieldType.INTEGER),
    LONG(FieldType.LONG),
    DOUBLE(FieldType.DOUBLE),
    BOOLEAN(FieldType.BOOLEAN),
    DATETIME(FieldType.DATETIME),
    /** Any JSON (arrays of links, custom field values): stored as text, served as JSON. */
    JSON(null);

    /** Earliest and latest instants accepted anywhere: a sane calendar range, not the JDK's. */
    public static final OffsetDateTime EARLIEST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime LATEST = OffsetDateTime.of(2200, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    private final FieldType fieldType;

    ValueType(FieldType fieldType) {
        this.fieldType = fieldType;
    }

    /** The filter coercion of this type; null when it cannot be filtered. */
    public FieldType fieldType() {
        return fieldType;
    }

    /**
     * Reads a non-null JSON value. Numbers and booleans are also accepted as their string forms, as the
     * original server's schema library did; anything else is an {@link InvalidValue}.
     */
    public Object read(JsonNode node) {
        return switch (this) {
            case STRING -> text(node);
            case INTEGER -> {
                long value = integral(node, "Not a valid integer.");
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new InvalidValue("Number is out of range.");
                }
                yield (int) value;
            }
            case LONG -> integral(node, "Not a valid integer.");
            case DOUBLE -> decimal(node);
            case BOOLEAN -> bool(node);
            case DATETIME -> dateTime(node);
            case JSON -> Texts.checkTree(node);
        };
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidValue("Not a valid string.");
        }
        return Texts.check(node.textValue());
    }

    private static long integral(JsonNode node, String message) {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new InvalidValue("Number is out of range.");
            }
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                // 1e400 reads as an infinite double, which has no decimal value at all.
                throw new InvalidValue("Number is out of range.");
            }
            BigDecimal value = node.decimalValue();
            if (value.stripTrailingZeros().scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return value.longValue();
            }
            throw new InvalidValue(message);
        }
        if (node.isTextual() && node.textValue().trim().matches("[-+]?\\d{1,19}")) {
            try {
                return new BigInteger(node.textValue().trim()).longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidValue("Number is out of range.");
            }
        }
        throw new InvalidValue(message);
    }

    private static double decimal(JsonNode node) {
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual() && node.textValue().trim().matches("[-+]?(\\d{1,300}(\\.\\d{0,300})?|\\.\\d{1,300})([eE][-+]?\\d{1,3})?")) {
            value = Double.parseDouble(node.textValue().trim());
        } else {
            throw new InvalidValue("Not a valid number.");
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidValue("Number is out of range.");
        }
        return value;
    }

    private static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            switch (node.textValue().trim().toLowerCase()) {
                case "true", "1" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        if (node.isIntegralNumber() && (node.longValue() == 0 || node.longValue() == 1)) {
            return node.longValue() == 1;
        }
        throw new InvalidValue("Not a valid boolean.");
    }

    private static OffsetDateTime dateTime(JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidValue("Not a valid datetime.");
        }
        String raw = node.textValue().trim();
        OffsetDateTime value;
        try {
            value = OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            try {
                // A date-time without offset is read as UTC, as the original server did.
                value = LocalDateTime.parse(raw).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new InvalidValue("Not a valid datetime.");
            }
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidValue("Date must be between 1900 and 2200.");
        }
        return value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
