package org.openevent.common.resource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Another service's JSON:API answer, read in one streaming pass instead of into a tree: each resource of
 * {@code data} and {@code included} keeps the exact JSON the owner sent and is written back out verbatim, so a
 * compound document passes the owner's resources through without parsing their attributes or serializing them
 * again. The {@link #linkage()} skeleton holds what linkers read: each primary resource's type, id and event.
 */
public record RemoteDocument(List<Resource> data, List<Resource> included, JsonNode linkage) {

    /** Reads an answer body (a JSON:API document, UTF-8). */
    public static RemoteDocument read(JsonFactory factory, byte[] body) throws IOException {
        List<Resource> data = new ArrayList<>();
        List<Resource> included = new ArrayList<>();
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("A JSON:API document is an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(member) && value == JsonToken.START_ARRAY) {
                    readArray(parser, body, data);
                } else if ("data".equals(member) && value == JsonToken.START_OBJECT) {
                    data.add(readResource(parser, body));
                } else if ("included".equals(member) && value == JsonToken.START_ARRAY) {
                    readArray(parser, body, included);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new RemoteDocument(data, included, linkage(data));
    }

    private static void readArray(JsonParser parser, byte[] body, List<Resource> into) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            into.add(readResource(parser, body));
        }
    }

    /** Reads one resource object (the parser is on its START_OBJECT) and keeps its bytes. */
    private static Resource readResource(JsonParser parser, byte[] body) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String type = null;
        String id = null;
        String eventId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (member) {
                case "type" -> type = parser.getText();
                case "id" -> id = parser.getText();
                case "relationships" -> eventId = value == JsonToken.START_OBJECT ? eventOf(parser) : skip(parser);
                default -> parser.skipChildren();
            }
        }
        int end = (int) parser.currentLocation().getByteOffset();
        return new Resource(type, id, eventId, new String(body, start, end - start, StandardCharsets.UTF_8));
    }

    /** The id in {@code relationships.event.data}, or null; leaves the parser on the relationships' END_OBJECT. */
    private static String eventOf(JsonParser parser) throws IOException {
        String eventId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"event".equals(name) || value != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken linkage = parser.nextToken();
                if ("data".equals(member) && linkage == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        boolean isId = "id".equals(parser.currentName());
                        parser.nextToken();
                        if (isId) {
                            eventId = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return eventId;
    }

    private static String skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** {"data": [{type, id, relationships.event.data}...]}: the part of the answer that linkers read. */
    private static JsonNode linkage(List<Resource> data) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode document = nodes.objectNode();
        ArrayNode members = document.putArray("data");
        for (Resource resource : data) {
            ObjectNode member = members.addObject().put("type", resource.type()).put("id", resource.id());
            if (resource.eventId() != null) {
                member.putObject("relationships").putObject("event").putObject("data").put("type", "event")
                        .put("id", resource.eventId());
            }
        }
        return document;
    }

    /** One resource as its owner serialized it; written out unchanged. */
    public record Resource(String type, String id, String eventId, String json) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
            generator.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers,
                                      TypeSerializer typeSerializer) throws IOException {
            serialize(generator, serializers);
        }
    }
}
