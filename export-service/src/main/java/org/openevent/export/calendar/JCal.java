package org.openevent.export.calendar;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** jCal (RFC 7265): the iCalendar model as JSON arrays, {@code ["vcalendar", [properties], [components]]}. */
public final class JCal implements CalendarSyntax {

    private static final byte[] SEPARATOR = {','};
    private static final byte[] CLOSE = "]]\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] open(List<CalProperty> calendarProperties) {
        StringBuilder out = new StringBuilder(1024).append("[\"vcalendar\",");
        properties(calendarProperties, out);
        return out.append(",[").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] component(CalComponent component) {
        StringBuilder out = new StringBuilder(1024);
        write(component, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] separator() {
        return SEPARATOR.clone();
    }

    @Override
    public byte[] close() {
        return CLOSE.clone();
    }

    private static void write(CalComponent component, StringBuilder out) {
        out.append('[');
        string(component.name().toLowerCase(Locale.ROOT), out);
        out.append(',');
        properties(component.properties(), out);
        out.append(",[");
        for (int i = 0; i < component.components().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(component.components().get(i), out);
        }
        out.append("]]");
    }

    private static void properties(List<CalProperty> properties, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < properties.size(); i++) {
            CalProperty property = properties.get(i);
            out.append(i > 0 ? ",[" : "[");
            string(property.name().toLowerCase(Locale.ROOT), out);
            out.append(",{");
            for (int p = 0; p < property.params().size(); p++) {
                CalProperty.Param param = property.params().get(p);
                if (p > 0) {
                    out.append(',');
                }
                string(param.name().toLowerCase(Locale.ROOT), out);
                out.append(':');
                string(param.value(), out);
            }
            out.append("},");
            string(property.value().typeName(), out);
            values(property.value(), out);
            out.append(']');
        }
        out.append(']');
    }

    private static void values(CalValue value, StringBuilder out) {
        if (value instanceof CalValue.Text text) {
            text.values().forEach(v -> string(v, out.append(',')));
        } else if (value instanceof CalValue.LocalDateTimes times) {
            times.values().forEach(v -> string(Values.extended(v), out.append(',')));
        } else if (value instanceof CalValue.UtcDateTime utc) {
            string(Values.extendedUtc(utc.value()), out.append(','));
        } else if (value instanceof CalValue.Integer integer) {
            out.append(',').append(integer.value());
        } else if (value instanceof CalValue.Uri uri) {
            string(uri.value(), out.append(','));
        } else if (value instanceof CalValue.Geo geo) {
            out.append(",[").append(Values.decimal(geo.latitude())).append(',')
                    .append(Values.decimal(geo.longitude())).append(']');
        } else if (value instanceof CalValue.UtcOffset offset) {
            string(Values.offset(offset.totalSeconds(), true), out.append(','));
        } else if (value instanceof CalValue.Span span) {
            string(span.value().toString(), out.append(','));
        } else if (value instanceof CalValue.Recur recur) {
            out.append(",{");
            boolean first = true;
            for (Map.Entry<String, List<String>> part : recur.parts()) {
                out.append(first ? "" : ",");
                first = false;
                String name = part.getKey().toLowerCase(Locale.ROOT);
                string(name, out);
                out.append(':');
                boolean numeric = Values.numericRulePart(part.getKey());
                List<String> partValues = part.getValue();
                if (partValues.size() > 1) {
                    out.append('[');
                }
                for (int i = 0; i < partValues.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    if (numeric) {
                        out.append(Long.parseLong(partValues.get(i)));
                    } else {
                        string(partValues.get(i), out);
                    }
                }
                if (partValues.size() > 1) {
                    out.append(']');
                }
            }
            out.append('}');
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
