package org.openevent.export.calendar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** xCal (RFC 6321): the iCalendar model as XML in the {@code urn:ietf:params:xml:ns:icalendar-2.0} namespace. */
public final class XCal implements CalendarSyntax {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:icalendar-2.0";
    private static final byte[] CLOSE = "</components></vcalendar></icalendar>\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] open(List<CalProperty> calendarProperties) {
        StringBuilder out = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<icalendar xmlns=\"").append(NAMESPACE).append("\"><vcalendar>");
        properties(calendarProperties, out);
        return out.append("<components>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] component(CalComponent component) {
        StringBuilder out = new StringBuilder(1024);
        write(component, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] separator() {
        return new byte[0];
    }

    @Override
    public byte[] close() {
        return CLOSE.clone();
    }

    private static void write(CalComponent component, StringBuilder out) {
        String name = component.name().toLowerCase(Locale.ROOT);
        out.append('<').append(name).append('>');
        properties(component.properties(), out);
        if (!component.components().isEmpty()) {
            out.append("<components>");
            component.components().forEach(child -> write(child, out));
            out.append("</components>");
        }
        out.append("</").append(name).append('>');
    }

    private static void properties(List<CalProperty> properties, StringBuilder out) {
        out.append("<properties>");
        for (CalProperty property : properties) {
            String name = property.name().toLowerCase(Locale.ROOT);
            out.append('<').append(name).append('>');
            if (!property.params().isEmpty()) {
                out.append("<parameters>");
                for (CalProperty.Param param : property.params()) {
                    String paramName = param.name().toLowerCase(Locale.ROOT);
                    out.append('<').append(paramName).append("><text>");
                    Xml.escape(param.value(), out);
                    out.append("</text></").append(paramName).append('>');
                }
                out.append("</parameters>");
            }
            value(property.value(), out);
            out.append("</").append(name).append('>');
        }
        out.append("</properties>");
    }

    private static void value(CalValue value, StringBuilder out) {
        if (value instanceof CalValue.Text text) {
            text.values().forEach(v -> element("text", v, out));
        } else if (value instanceof CalValue.LocalDateTimes times) {
            times.values().forEach(v -> element("date-time", Values.extended(v), out));
        } else if (value instanceof CalValue.UtcDateTime utc) {
            element("date-time", Values.extendedUtc(utc.value()), out);
        } else if (value instanceof CalValue.Integer integer) {
            element("integer", String.valueOf(integer.value()), out);
        } else if (value instanceof CalValue.Uri uri) {
            element("uri", uri.value(), out);
        } else if (value instanceof CalValue.Geo geo) {
            // RFC 6321 section 3.4.1.2: GEO's two floats are the property's own latitude and longitude elements.
            element("latitude", Values.decimal(geo.latitude()), out);
            element("longitude", Values.decimal(geo.longitude()), out);
        } else if (value instanceof CalValue.UtcOffset offset) {
            element("utc-offset", Values.offset(offset.totalSeconds(), true), out);
        } else if (value instanceof CalValue.Span span) {
            element("duration", span.value().toString(), out);
        } else if (value instanceof CalValue.Recur recur) {
            out.append("<recur>");
            for (Map.Entry<String, List<String>> part : recur.parts()) {
                String name = part.getKey().toLowerCase(Locale.ROOT);
                part.getValue().forEach(v -> element(name, v, out));
            }
            out.append("</recur>");
        }
    }

    private static void element(String name, String text, StringBuilder out) {
        out.append('<').append(name).append('>');
        Xml.escape(text, out);
        out.append("</").append(name).append('>');
    }
}
