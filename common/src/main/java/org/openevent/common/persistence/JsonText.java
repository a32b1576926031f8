package org.openevent.common.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Free JSON attributes (lists of links, slides, custom form values) kept as text: the reactive PostgreSQL client
 * binds and reads jsonb only as JSON objects, and most of these values are arrays.
 */
@Converter
public class JsonText implements AttributeConverter<JsonNode, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(JsonNode value) {
        return value == null || value.isNull() ? null : value.toString();
    }

    @Override
    public JsonNode convertToEntityAttribute(String text) {
        try {
            return text == null ? null : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
