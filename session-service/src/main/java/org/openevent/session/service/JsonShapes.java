package org.openevent.session.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.openevent.common.resource.Check;

/** Shapes of the free JSON attributes of the schedule (slides, social links, custom form values). */
final class JsonShapes {

    private static final String LINKS_PROBLEM = "Must be a list of {name, link} objects.";
    private static final String FLAT_PROBLEM = "Must be an object of plain values.";

    /** A list of objects with a text {@code link} and an optional text {@code name} (slides, social links). */
    static final Check LINKS = value -> {
        JsonNode node = (JsonNode) value;
        if (!node.isArray()) {
            return LINKS_PROBLEM;
        }
        for (JsonNode item : node) {
            JsonNode name = item.path("name");
            if (!item.isObject() || !item.path("link").isTextual() || !(name.isMissingNode() || name.isNull()
                    || name.isTextual())) {
                return LINKS_PROBLEM;
            }
        }
        return null;
    };

    /** An object of plain values (custom form fields): text, numbers, booleans or null. */
    static final Check FLAT_OBJECT = value -> {
        JsonNode node = (JsonNode) value;
        if (!node.isObject()) {
            return FLAT_PROBLEM;
        }
        for (JsonNode field : node) {
            if (field.isContainerNode()) {
                return FLAT_PROBLEM;
            }
        }
        return null;
    };

    /** A list of objects (speaker positions). */
    static final Check OBJECTS = value -> {
        JsonNode node = (JsonNode) value;
        if (!node.isArray()) {
            return "Must be a list of objects.";
        }
        for (JsonNode item : node) {
            if (!item.isObject()) {
                return "Must be a list of objects.";
            }
        }
        return null;
    };

    private JsonShapes() {
    }
}
