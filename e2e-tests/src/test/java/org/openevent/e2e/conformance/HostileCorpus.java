package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hostile inputs for one route: bad path variables, bad query parameters and bad bodies (malformed,
 * truncated, wrongly typed, NUL and lone surrogates, overlong strings, huge numbers, unknown attributes and
 * relationships, wrong resource types, oversized), each with what the answer must be.
 */
final class HostileCorpus {

    /** What an answer to an attack must be (on top of: never 5xx, never HTML, 4xx as an error document). */
    enum Check {
        /** A 4xx. */
        REJECT,
        /** A 2xx (the input is legitimately ignored) or a 4xx. */
        ANY,
        /** A 4xx, or a 2xx whose document does not carry the hostile value. */
        NOT_STORED,
        /** A 422 pointing at the attacked value, or a 2xx whose document does not carry it. */
        POINTED,
        /** The gateway's 413. */
        TOO_LARGE,
        /** The gateway's 414. */
        TOO_LONG
    }

    /** One hostile request: what it is, and for value attacks the pointer and the JSON sent there. */
    record Attack(String name, Request request, Check check, String pointer, String value) {
    }

    static final List<String> PATH_VALUES = List.of("-1", "0", "99999999999999999999999", "9223372036854775808",
            "1.5", "abc", "%00", "%ED%A0%80", "%C3%28", "a".repeat(300), "1%20OR%201%3D1", "%27");
    static final List<String> QUERY_VALUES = List.of("%00", "%ED%A0%80", "%C3%28", "-1", "99999999999999999999999",
            "abc", "%5B", "%7B%22a%22%3A", "x".repeat(5000), "%27%20or%201%3D1%20--");
    /** NUL, a lone high and a lone low surrogate, as JSON escapes. */
    static final List<String> UNSTORABLE = List.of("\"a\\u0000b\"", "\"a\\ud800b\"", "\"\\udc00z\"");
    static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "123456789012345678901234567890");
    static final List<String> BAD_DATES = List.of("\"99999-01-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"",
            "\"2027-02-30T10:00:00Z\"");
    static final List<String> BAD_TIMEZONES = List.of("\"+05:30\"", "\"GMT+5\"", "\"Mars/Olympus_Mons\"");
    static final String OVERLONG = "\"" + "x".repeat(1_000_001) + "\"";
    static final int GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*");
    private static final String MARK = "__hostile_value__";

    private HostileCorpus() {
    }

    /**
     * Every attack on a route, called as {@code token} on {@code binding}; {@code body} is a valid body (null for
     * routes without one).
     */
    static List<Attack> of(ApiCatalog.Operation operation, World.Binding binding, String token, String body) {
        List<Attack> attacks = new ArrayList<>();
        Request base = Request.of(operation.method(), binding.target(operation.path())).token(token);
        String contentType = Bodies.contentType(operation);
        if (body != null) {
            base = base.json(contentType, body);
        }
        for (int i = 0; i < operation.pathVariables().size(); i++) {
            for (String value : PATH_VALUES) {
                attacks.add(new Attack("path variable " + (i + 1) + " = " + abbreviate(value),
                        base.at(binding.withPath(i, value).target(operation.path())), Check.REJECT, null, null));
            }
        }
        String target = base.target();
        String joiner = target.contains("?") ? "&" : "?";
        List<String> names = new ArrayList<>(operation.query().stream().map(ApiCatalog.QueryParameter::name).toList());
        names.add("no-such-parameter");
        for (String name : names) {
            String encoded = name.replace("[", "%5B").replace("]", "%5D");
            for (String value : QUERY_VALUES) {
                attacks.add(new Attack("query " + name + " = " + abbreviate(value), base.at(target + joiner + encoded + "=" + value),
                        Check.ANY, null, null));
            }
        }
        attacks.add(new Attack("query string of 40 KB", base.at(target + joiner + "filter=" + "a".repeat(40 * 1024)),
                Check.TOO_LONG, null, null));
        if (body != null) {
            bodies(attacks, base, contentType, body);
        }
        return attacks;
    }

    private static void bodies(List<Attack> attacks, Request base, String contentType, String body) {
        byte[] valid = body.getBytes(StandardCharsets.UTF_8);
        for (String malformed : List.of("", "{", "{\"data\":", "null", "[]", "\"text\"", "123", "{}", "{\"data\": null",
                "[".repeat(100_000) + "]".repeat(100_000))) {
            attacks.add(new Attack("body " + abbreviate(malformed), base.json(contentType, malformed), Check.REJECT,
                    null, null));
        }
        attacks.add(new Attack("body truncated", base.json(contentType, body.substring(0, body.length() / 2)),
                Check.REJECT, null, null));
        attacks.add(new Attack("body with invalid UTF-8", base.body(contentType, replaceFirstString(valid,
                new byte[] {(byte) 0xC3, 0x28})), Check.REJECT, null, null));
        attacks.add(new Attack("body with a raw NUL byte", base.body(contentType, replaceFirstString(valid,
                new byte[] {'a', 0, 'b'})), Check.REJECT, null, null));
        attacks.add(new Attack("body as text/plain", base.json("text/plain", body), Check.ANY, null, null));
        attacks.add(new Attack("body of 11 MB", base.body(contentType, new byte[GATEWAY_BODY_LIMIT + 1024 * 1024])
                .expectingContinue(), Check.TOO_LARGE, null, null));
        JsonNode document = parse(body);
        if (document == null || !document.isObject()) {
            return;
        }
        attacks.add(new Attack("body with duplicate keys", base.json(contentType,
                "{" + body.strip().substring(1, body.strip().length() - 1) + ", "
                        + body.strip().substring(1, body.strip().length() - 1) + "}"), Check.ANY, null, null));
        JsonNode data = document.path("data");
        if (data.isObject()) {
            jsonApi(attacks, base, contentType, (ObjectNode) document);
            JsonNode attributes = data.path("attributes");
            if (attributes.isObject()) {
                leaves(attacks, base, contentType, document, "/data/attributes", attributes);
            }
        } else if (!document.has("data")) {
            leaves(attacks, base, contentType, document, "", document);
        }
    }

    /** The JSON:API shape attacks: wrong and missing types, wrong member types, unknown members, bad linkage. */
    private static void jsonApi(List<Attack> attacks, Request base, String contentType, ObjectNode document) {
        Map<String, String> replacements = new java.util.LinkedHashMap<>();
        replacements.put("/data/type", "\"wrong-type\"");
        replacements.put("/data/type ", "123");
        replacements.put("/data/attributes", "[]");
        replacements.put("/data/attributes ", "\"text\"");
        replacements.put("/data/relationships", "[]");
        replacements.put("/data/id", "\"" + World.MISSING_ID + "\"");
        replacements.put("/data/id ", "42");
        replacements.put("/data/attributes/no-such-attribute", "1");
        replacements.put("/data/attributes/a\u0000b", "1");
        replacements.put("/data/relationships/no-such-relationship", "{\"data\": null}");
        JsonNode relationships = document.path("data").path("relationships");
        for (Iterator<String> names = relationships.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            replacements.put("/data/relationships/" + name, "{\"data\": {\"type\": \"wrong-type\", \"id\": \"1\"}}");
            for (String id : List.of("\"-1\"", "\"99999999999999999999999\"", "\"abc\"", "1")) {
                String type = relationships.path(name).path("data").isArray()
                        ? relationships.path(name).path("data").path(0).path("type").asText(name)
                        : relationships.path(name).path("data").path("type").asText(name);
                replacements.put("/data/relationships/" + name + " " + id, "{\"data\": {\"type\": \"" + type
                        + "\", \"id\": " + id + "}}");
            }
        }
        replacements.forEach((where, value) -> {
            String pointer = where.split(" ")[0];
            Check check = pointer.startsWith("/data/type") || pointer.equals("/data/attributes")
                    || pointer.equals("/data/relationships") ? Check.REJECT : Check.ANY;
            attacks.add(new Attack("set " + where.strip().replace("\u0000", "\\u0000") + " to " + abbreviate(value),
                    base.json(contentType, set(document, pointer, value)), check, null, null));
        });
        ObjectNode withoutType = document.deepCopy();
        ((ObjectNode) withoutType.path("data")).remove("type");
        attacks.add(new Attack("no /data/type", base.json(contentType, withoutType.toString()), Check.REJECT, null,
                null));
        attacks.add(new Attack("data as a list", base.json(contentType, set(document, "/data", "[]")), Check.REJECT,
                null, null));
    }

    /** Attacks on every value of an object: its own text, type, size and, for dates and time zones, its range. */
    private static void leaves(List<Attack> attacks, Request base, String contentType, JsonNode document,
                               String prefix, JsonNode values) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String pointer = prefix + "/" + field.getKey();
            JsonNode value = field.getValue();
            List<String> strict = new ArrayList<>(UNSTORABLE);
            List<String> loose = new ArrayList<>();
            if (value.isTextual()) {
                loose.addAll(List.of("{\"a\": 1}", "[1, 2]", "true", "12345", OVERLONG));
                if (DATETIME.matcher(value.asText()).matches()) {
                    strict.addAll(BAD_DATES);
                }
                if (field.getKey().equals("timezone")) {
                    strict.addAll(BAD_TIMEZONES);
                }
            } else if (value.isNumber()) {
                loose.addAll(List.of("{\"a\": 1}", "[1, 2]", "true", "\"text\""));
                loose.addAll(HUGE_NUMBERS);
            } else if (value.isBoolean()) {
                loose.addAll(List.of("{\"a\": 1}", "[1, 2]", "\"text\"", "12345"));
            }
            for (String hostile : strict) {
                attacks.add(new Attack(pointer + " = " + abbreviate(hostile), base.json(contentType,
                        set(document, pointer, hostile)), Check.POINTED, pointer, hostile));
            }
            for (String hostile : loose) {
                attacks.add(new Attack(pointer + " = " + abbreviate(hostile), base.json(contentType,
                        set(document, pointer, hostile)), Check.NOT_STORED, pointer, hostile));
            }
        }
    }

    /** The document with the JSON text {@code json} at {@code pointer}; missing parent objects are created. */
    static String set(JsonNode document, String pointer, String json) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        String[] names = pointer.substring(1).split("/");
        ObjectNode parent = copy;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.path(names[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
        }
        parent.put(names[names.length - 1], MARK);
        return copy.toString().replace("\"" + MARK + "\"", json);
    }

    /** The body with its first string value replaced by raw bytes (so they are not JSON-escaped). */
    private static byte[] replaceFirstString(byte[] body, byte[] raw) {
        String text = new String(body, StandardCharsets.UTF_8);
        int open = text.indexOf(":\"");
        if (open < 0) {
            open = text.indexOf(": \"");
        }
        if (open < 0) {
            return raw;
        }
        int start = text.indexOf('"', open) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, start).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The value at {@code pointer} in an answer's JSON:API document ({@code /data/attributes/x}), or null. */
    static String served(Answer answer, String pointer) {
        JsonNode json = answer.json();
        if (json == null || pointer == null) {
            return null;
        }
        JsonNode value = json.at(pointer);
        return value.isMissingNode() ? null : value.toString();
    }

    static JsonNode parse(String text) {
        try {
            return Answer.JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        String shown = text.replace("\n", " ");
        return shown.length() > 40 ? shown.substring(0, 30) + "...(" + shown.length() + " chars)" : shown;
    }
}
