package org.openevent.export.calendar;

import java.util.ArrayList;
import java.util.List;

/** A calendar component (VEVENT, VTIMEZONE, STANDARD, DAYLIGHT) with its properties and sub-components in order. */
public record CalComponent(String name, List<CalProperty> properties, List<CalComponent> components) {

    /** Collects properties and sub-components in the order they are added. */
    public static final class Builder {
        private final String name;
        private final List<CalProperty> properties = new ArrayList<>();
        private final List<CalComponent> components = new ArrayList<>();

        public Builder(String name) {
            this.name = name;
        }

        public Builder add(CalProperty property) {
            properties.add(property);
            return this;
        }

        public Builder add(String name, CalValue value) {
            return add(new CalProperty(name, value));
        }

        /** Adds a TEXT property unless the text is null or blank. */
        public Builder text(String name, String value) {
            return value == null || value.isBlank() ? this : add(name, new CalValue.Text(value));
        }

        public Builder component(CalComponent component) {
            components.add(component);
            return this;
        }

        public CalComponent build() {
            return new CalComponent(name, List.copyOf(properties), List.copyOf(components));
        }
    }
}
