package org.openevent.common.resource;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openevent.common.jsonapi.ApiException;

/**
 * Reads POST and PATCH bodies against a {@link ResourceType}: the document structure (400/409 as the original
 * answers), then every attribute and relationship, collecting all problems into one 422. Unknown and read-only
 * attributes are ignored as the original does; nothing about the input is trusted.
 */
public final class WriteDocuments {

    private static final String DATA = "/data";
    private static final String ATTRIBUTES = "/data/attributes/";
    private static final String RELATIONSHIPS = "/data/relationships/";

    /** Strict JSON: valid UTF-8, no duplicate keys, no trailing content, bounded nesting and sizes. */
    public static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
    }

    private WriteDocuments() {
    }

    /** Parses a body as strict JSON; anything else is a 400. */
    public static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badDocument("/", "The request body is empty.");
        }
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiException.badDocument("/", "The request body is empty.");
            }
            return tree;
        } catch (IOException e) {
            throw ApiException.badDocument("/", "The request body is not valid JSON (UTF-8, no duplicate keys).");
        }
    }

    /**
     * The {@code data} resource object of a write: its type must match, and a PATCH must name the resource it
     * addresses in {@code data.id} (checked by the caller, which knows the numeric id).
     */
    public static JsonNode data(JsonNode document, String expectedType, boolean requireId) {
        if (!document.isObject()) {
            throw ApiException.unprocessable("/", "The document must be a JSON object.");
        }
        JsonNode data = document.get("data");
        if (data == null) {
            throw ApiException.unprocessable("/", "Object must include `data` key.");
        }
        if (!data.isObject()) {
            throw ApiException.unprocessable(DATA, "`data` must be a resource object.");
        }
        JsonNode type = data.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.unprocessable(DATA + "/type", "Missing or invalid type.");
        }
        if (!expectedType.equals(type.textValue())) {
            throw ApiException.incorrectType(expectedType, DATA + "/type");
        }
        if (requireId && bodyId(data) == null) {
            throw ApiException.badDocument(DATA + "/id", "Missing id in \"data\" node");
        }
        return data;
    }

    /** {@code data.id} as text (a JSON number is accepted too); null when absent. */
    public static String bodyId(JsonNode data) {
        JsonNode id = data.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual() || id.isIntegralNumber()) {
            return id.asText();
        }
        throw ApiException.badDocument(DATA + "/id", "The id must be a string.");
    }

    /** A PATCH body's {@code data.id} must equal, as a string, the addressed resource's id. */
    public static void checkId(String bodyId, Object resourceId) {
        if (bodyId == null) {
            throw ApiException.badDocument(DATA + "/id", "Missing id in \"data\" node");
        }
        if (!bodyId.equals(String.valueOf(resourceId))) {
            throw ApiException.badDocument(DATA + "/id", "Value of id does not match the resource identifier in url");
        }
    }

    /** Reads a whole write: structure, attributes, relationships; every 422 at once. */
    public static <E extends ResourceEntity> Changes<E> read(byte[] body, ResourceType<E> type, boolean creating) {
        JsonNode data = data(json(body), type.type(), !creating);
        Changes<E> changes = new Changes<>(type, creating, creating ? null : bodyId(data));
        List<ApiException> problems = new ArrayList<>();
        readAttributes(data.get("attributes"), type, changes, problems);
        readRelationships(data.get("relationships"), type, changes, problems);
        if (!problems.isEmpty()) {
            throw ApiException.all(problems);
        }
        return changes;
    }

    private static <E extends ResourceEntity> void readAttributes(JsonNode attributes, ResourceType<E> type,
                                                                Changes<E> changes, List<ApiException> problems) {
        if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
            problems.add(ApiException.unprocessable("/data/attributes", "Attributes must be an object."));
            return;
        }
        for (Attribute<E> attribute : type.attributes()) {
            JsonNode node = attributes == null || attributes.isNull() ? null : attributes.get(attribute.name());
            Attribute.Write write = attribute.write();
            if (write == Attribute.Write.READ_ONLY || (write == Attribute.Write.CREATE_ONLY && !changes.creating())) {
                continue;
            }
            if (node == null) {
                if (changes.creating() && attribute.required()) {
                    problems.add(ApiException.attribute(attribute.name(), "Missing data for required field."));
                } else if (changes.creating() && attribute.defaultValue() != null) {
                    changes.putValue(attribute.name(), attribute.defaultValue());
                }
                continue;
            }
            if (node.isNull()) {
                if (!attribute.nullable()) {
                    problems.add(ApiException.attribute(attribute.name(), "Field may not be null."));
                } else {
                    changes.putValue(attribute.name(), changes.creating() && attribute.defaultValue() != null
                            ? attribute.defaultValue() : null);
                }
                continue;
            }
            try {
                Object value = attribute.type().read(node);
                String problem = attribute.problem(value);
                if (problem != null) {
                    problems.add(ApiException.attribute(attribute.name(), problem));
                } else {
                    changes.putValue(attribute.name(), attribute.normalizer.apply(value));
                }
            } catch (InvalidValue invalid) {
                problems.add(ApiException.attribute(attribute.name(), invalid.getMessage()));
            }
        }
    }

    private static <E extends ResourceEntity> void readRelationships(JsonNode relationships, ResourceType<E> type,
                                                                   Changes<E> changes, List<ApiException> problems) {
        if (relationships != null && !relationships.isNull() && !relationships.isObject()) {
            problems.add(ApiException.unprocessable("/data/relationships", "Relationships must be an object."));
            return;
        }
        for (Relationship<E> relationship : type.relationships()) {
            boolean settable = relationship.writable() || relationship.required();
            JsonNode node = relationships == null || relationships.isNull() ? null : relationships.get(relationship.name());
            if (node == null || !settable) {
                if (changes.creating() && relationship.required() && node == null) {
                    problems.add(ApiException.relationship(relationship.name(), "Missing data for required field."));
                }
                continue;
            }
            try {
                changes.putLink(relationship.name(), linkage(node, relationship));
            } catch (ApiException problem) {
                problems.add(problem);
            }
        }
    }

    private static final java.util.Set<String> IDENTIFIER_MEMBERS = java.util.Set.of("type", "id", "meta");

    /** Reads {@code {"data": ...}} of one relationship: null or an identifier (to-one), a list (to-many). */
    public static Object linkage(JsonNode node, Relationship<?> relationship) {
        String pointer = RELATIONSHIPS + relationship.name();
        if (!node.isObject() || !node.has("data")) {
            throw ApiException.unprocessable(pointer, "Must include a `data` key.");
        }
        JsonNode data = node.get("data");
        if (!relationship.toMany()) {
            if (data.isNull()) {
                if (relationship.required()) {
                    throw ApiException.unprocessable(pointer + "/data", "Field may not be null.");
                }
                return null;
            }
            return identifier(data, relationship.targetType(), pointer + "/data");
        }
        if (!data.isArray()) {
            throw ApiException.unprocessable(pointer + "/data", "A to-many relationship takes a list.");
        }
        if (data.size() > 1000) {
            throw ApiException.unprocessable(pointer + "/data", "At most 1000 members.");
        }
        List<Long> ids = new ArrayList<>();
        int index = 0;
        for (JsonNode member : data) {
            long id = identifier(member, relationship.targetType(), pointer + "/data/" + index++);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static long identifier(JsonNode node, String targetType, String pointer) {
        if (!node.isObject()) {
            throw ApiException.unprocessable(pointer, "Not a resource identifier.");
        }
        // A resource identifier names a resource (type, id, meta); attributes or relationships in it are a mistake.
        for (var members = node.fieldNames(); members.hasNext(); ) {
            String member = members.next();
            if (!IDENTIFIER_MEMBERS.contains(member)) {
                throw ApiException.unprocessable(pointer + "/" + member, "A resource identifier has no '" + member
                        + "'.");
            }
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.unprocessable(pointer + "/type", "Missing type.");
        }
        if (!targetType.equals(type.textValue())) {
            throw ApiException.incorrectType(targetType, pointer + "/type");
        }
        JsonNode id = node.get("id");
        String text = id == null ? null : id.isTextual() || id.isIntegralNumber() ? id.asText() : null;
        if (text == null || !text.matches(Ids.PATTERN)) {
            throw ApiException.unprocessable(pointer + "/id", "Not a valid id.");
        }
        return Long.parseLong(text);
    }
}
