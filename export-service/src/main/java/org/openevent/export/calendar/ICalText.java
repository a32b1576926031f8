package org.openevent.export.calendar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * iCalendar text (RFC 5545): CRLF line ends, TEXT escaping, lines folded at 75 octets without splitting a
 * UTF-8 sequence ({@link OctetFolding}).
 */
public final class ICalText implements CalendarSyntax {

    private static final byte[] END = "END:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] open(List<CalProperty> calendarProperties) {
        OctetFolding.Bytes out = new OctetFolding.Bytes(1024);
        out.foldLine("BEGIN:VCALENDAR");
        calendarProperties.forEach(property -> out.foldLine(line(property)));
        return out.toByteArray();
    }

    @Override
    public byte[] component(CalComponent component) {
        OctetFolding.Bytes out = new OctetFolding.Bytes(1536);
        write(component, out);
        return out.toByteArray();
    }

    @Override
    public byte[] separator() {
        return new byte[0];
    }

    @Override
    public byte[] close() {
        return END.clone();
    }

    private static void write(CalComponent component, OctetFolding.Bytes out) {
        out.foldLine("BEGIN:" + component.name());
        component.properties().forEach(property -> out.foldLine(line(property)));
        component.components().forEach(child -> write(child, out));
        out.foldLine("END:" + component.name());
    }

    /** The unfolded content line of a property. */
    static String line(CalProperty property) {
        StringBuilder line = new StringBuilder(96).append(property.name());
        if (property.typeExplicit()) {
            line.append(";VALUE=").append(property.value().typeName().toUpperCase());
        }
        for (CalProperty.Param param : property.params()) {
            line.append(';').append(param.name()).append('=').append(paramValue(param.value()));
        }
        line.append(':');
        value(property.value(), line);
        return line.toString();
    }

    private static void value(CalValue value, StringBuilder out) {
        if (value instanceof CalValue.Text text) {
            for (int i = 0; i < text.values().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                escape(text.values().get(i), out);
            }
        } else if (value instanceof CalValue.LocalDateTimes times) {
            for (int i = 0; i < times.values().size(); i++) {
                out.append(i > 0 ? "," : "").append(Values.basic(times.values().get(i)));
            }
        } else if (value instanceof CalValue.UtcDateTime utc) {
            out.append(Values.basicUtc(utc.value()));
        } else if (value instanceof CalValue.Integer integer) {
            out.append(integer.value());
        } else if (value instanceof CalValue.Uri uri) {
            out.append(uri.value());
        } else if (value instanceof CalValue.Geo geo) {
            out.append(Values.decimal(geo.latitude())).append(';').append(Values.decimal(geo.longitude()));
        } else if (value instanceof CalValue.UtcOffset offset) {
            out.append(Values.offset(offset.totalSeconds(), false));
        } else if (value instanceof CalValue.Span span) {
            out.append(span.value());
        } else if (value instanceof CalValue.Recur recur) {
            boolean first = true;
            for (Map.Entry<String, List<String>> part : recur.parts()) {
                out.append(first ? "" : ";").append(part.getKey()).append('=').append(String.join(",", part.getValue()));
                first = false;
            }
        }
    }

    /** TEXT escaping of RFC 5545 section 3.3.11; line breaks become the two characters {@code \n}. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** Parameter values with separators are quoted; a double quote cannot appear in one at all. */
    private static String paramValue(String value) {
        String clean = value.indexOf('"') < 0 ? value : value.replace("\"", "");
        boolean quote = clean.indexOf(':') >= 0 || clean.indexOf(';') >= 0 || clean.indexOf(',') >= 0;
        return quote ? "\"" + clean + "\"" : clean;
    }
}
