package org.openevent.common.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One rule a read attribute value must satisfy; {@link #problem} names what is wrong, or null. */
@FunctionalInterface
public interface Check {

    /** Null when the value is acceptable, otherwise the error detail. */
    String problem(Object value);

    static Check maxLength(int max) {
        return value -> value instanceof String text && text.codePointCount(0, text.length()) > max
                ? "Longer than maximum length " + max + "." : null;
    }

    static Check minLength(int min) {
        return value -> value instanceof String text && text.strip().length() < min
                ? (min == 1 ? "Must not be blank." : "Shorter than minimum length " + min + ".") : null;
    }

    static Check pattern(String regex, String message) {
        Pattern pattern = Pattern.compile(regex);
        return value -> value instanceof String text && !pattern.matcher(text).matches() ? message : null;
    }

    static Check oneOf(Collection<String> allowed) {
        Set<String> values = Set.copyOf(allowed);
        return value -> value instanceof String text && !values.contains(text) ? "Not a valid choice." : null;
    }

    static Check oneOf(String... allowed) {
        return oneOf(List.of(allowed));
    }

    static Check range(double min, double max) {
        return value -> value instanceof Number number
                && (number.doubleValue() < min || number.doubleValue() > max)
                ? "Must be between " + format(min) + " and " + format(max) + "." : null;
    }

    static Check atLeast(double min) {
        return value -> value instanceof Number number && number.doubleValue() < min
                ? "Must be at least " + format(min) + "." : null;
    }

    /** An absolute http(s) URL of at most 2,048 characters. */
    static Check url() {
        return value -> {
            if (!(value instanceof String text)) {
                return null;
            }
            if (text.length() > 2048) {
                return "Not a valid URL.";
            }
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme();
                boolean ok = uri.isAbsolute() && uri.getHost() != null
                        && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
                return ok ? null : "Not a valid URL.";
            } catch (URISyntaxException e) {
                return "Not a valid URL.";
            }
        };
    }

    static Check email() {
        Pattern pattern = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
        return value -> value instanceof String text && (text.length() > 254 || !pattern.matcher(text.strip()).matches())
                ? "Not a valid email address." : null;
    }

    /** An IANA time-zone name (e.g. {@code Europe/Berlin}); offsets such as {@code +05:30} are refused. */
    static Check timezone() {
        return value -> value instanceof String text && !ZoneId.getAvailableZoneIds().contains(text)
                ? "Unknown timezone: '" + text + "'." : null;
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
