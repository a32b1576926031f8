package org.openevent.common.jsonapi.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openevent.common.jsonapi.ApiException;

/**
 * Compiles the Open Event {@code filter} language (a JSON array of {@code name/op/val} objects with
 * {@code and}, {@code or}, {@code not}, {@code has} and {@code any}) into one HQL condition. Names come
 * only from the resource's {@link ResourceFields}; every value is a bound parameter.
 */
public final class FilterCompiler {

    public static final String PARAMETER = "filter";
    static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 8;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_LIST = 1_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MAX_LENGTH).maxNumberLength(40).build());
    }

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Restrictions restrictions;
    private int aliasCounter;
    private int conditions;

    private FilterCompiler(Restrictions restrictions) {
        this.restrictions = restrictions;
    }

    /**
     * What a caller may see of a resource type inside a nested filter: an HQL condition on {@code alias}, or null
     * for everything. Without it, {@code any} could test rows the caller must not know about (an oracle).
     */
    @FunctionalInterface
    public interface Restrictions {

        Restrictions NONE = (target, alias, bind) -> null;

        /** The condition; values are bound through {@code bind}, which returns their placeholder. */
        String condition(ResourceFields target, String alias, java.util.function.Function<Object, String> bind);

        /**
         * For a guarded field: the rows (alias {@code alias}) whose value of it this caller may read, or null for
         * every row. Without an answer nothing matches: a private value is never compared for an unknown caller.
         */
        default String guard(ResourceFields target, Field field, String alias,
                             java.util.function.Function<Object, String> bind) {
            return "1 = 0";
        }
    }

    /** The condition for a raw {@code filter} value on {@code alias}; "1 = 1" when absent or empty. */
    public static Where compile(String rawFilter, ResourceFields fields, String alias) {
        return compile(rawFilter, fields, alias, Restrictions.NONE);
    }

    /** As {@link #compile(String, ResourceFields, String)}, restricting nested filters to what the caller may see. */
    public static Where compile(String rawFilter, ResourceFields fields, String alias, Restrictions restrictions) {
        if (rawFilter == null || rawFilter.isBlank()) {
            return new Where("1 = 1", Map.of());
        }
        if (rawFilter.length() > MAX_LENGTH) {
            throw invalid("The filter is too long.");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(rawFilter);
        } catch (JsonProcessingException e) {
            throw invalid("The filter is not valid JSON.");
        }
        FilterCompiler compiler = new FilterCompiler(restrictions);
        if (tree == null || !tree.isArray()) {
            throw invalid("The filter must be a JSON array of conditions.");
        }
        String clause = compiler.conjunction(tree, fields, alias, 1);
        return new Where(clause, Map.copyOf(compiler.parameters));
    }

    private String conjunction(JsonNode array, ResourceFields fields, String alias, int depth) {
        List<String> parts = new ArrayList<>();
        for (JsonNode element : array) {
            parts.add(node(element, fields, alias, depth));
        }
        return parts.isEmpty() ? "1 = 1" : "(" + String.join(" and ", parts) + ")";
    }

    private String node(JsonNode node, ResourceFields fields, String alias, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("The filter is nested too deeply (at most " + MAX_DEPTH + " levels).");
        }
        if (++conditions > MAX_CONDITIONS) {
            throw invalid("The filter has too many conditions (at most " + MAX_CONDITIONS + ").");
        }
        if (node == null || !node.isObject()) {
            throw invalid("Each filter condition must be a JSON object.");
        }
        if (node.has("and")) {
            return list(node.get("and"), "and", fields, alias, depth);
        }
        if (node.has("or")) {
            return list(node.get("or"), "or", fields, alias, depth);
        }
        if (node.has("not")) {
            return "not (" + node(node.get("not"), fields, alias, depth + 1) + ")";
        }
        return condition(node, fields, alias, depth);
    }

    private String list(JsonNode array, String joiner, ResourceFields fields, String alias, int depth) {
        if (array == null || !array.isArray()) {
            throw invalid("'" + joiner + "' takes a JSON array of conditions.");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode element : array) {
            parts.add(node(element, fields, alias, depth + 1));
        }
        // An empty and/or restricts nothing, as in the original server.
        return parts.isEmpty() ? "1 = 1" : "(" + String.join(" " + joiner + " ", parts) + ")";
    }

    private String condition(JsonNode node, ResourceFields fields, String alias, int depth) {
        String name = text(node.get("name"), "name");
        String op = text(node.get("op"), "op").trim().toLowerCase();
        int shortcut = name.indexOf("__");
        if (shortcut > 0 && (op.equals("has") || op.equals("any"))) {
            // "track__name has X" is the original's shorthand for "track has {name eq X}".
            com.fasterxml.jackson.databind.node.ObjectNode inner = MAPPER.createObjectNode();
            inner.put("name", name.substring(shortcut + 2));
            inner.put("op", "eq");
            inner.set("val", required(node.get("val")));
            com.fasterxml.jackson.databind.node.ObjectNode outer = MAPPER.createObjectNode();
            outer.put("name", name.substring(0, shortcut));
            outer.put("op", op);
            outer.set("val", inner);
            return nested(outer, name.substring(0, shortcut), op, fields, alias, depth);
        }
        if (op.equals("has") || op.equals("any")) {
            return nested(node, name, op, fields, alias, depth);
        }
        if (fields.field(name).isEmpty() && fields.relation(name).isPresent() && !node.has("field")) {
            return relationIsNull(node, fields.relation(name).get(), op, alias);
        }
        Field field = fields.field(name)
                .orElseThrow(() -> invalid("'" + name + "' is not a filterable field of " + fields.type() + "."));
        String path = alias + "." + field.property();
        if (node.has("field")) {
            Field other = fields.field(text(node.get("field"), "field"))
                    .orElseThrow(() -> invalid("'" + node.get("field").asText() + "' is not a filterable field of "
                            + fields.type() + "."));
            if (other.type() != field.type()) {
                throw invalid("'" + field.wireName() + "' and '" + other.wireName() + "' have different types.");
            }
            String compared = path + " " + comparison(op) + " " + alias + "." + other.property();
            return guarded(fields, other, alias, guarded(fields, field, alias, compared));
        }
        if (!node.has("val")) {
            throw invalid("The condition on '" + field.wireName() + "' has no 'val'.");
        }
        JsonNode val = node.get("val");
        return guarded(fields, field, alias, switch (op) {
            case "eq", "==" -> isNull(val) ? path + " is null" : path + " = " + bind(field, val);
            case "ne", "!=" -> isNull(val) ? path + " is not null" : path + " <> " + bind(field, val);
            case "lt", "<", "le", "<=", "gt", ">", "ge", ">=" -> path + " " + comparison(op) + " " + bind(field, required(val));
            case "like" -> text(field, path) + " like " + bindText(val);
            case "notlike" -> text(field, path) + " not like " + bindText(val);
            case "ilike" -> "lower(" + text(field, path) + ") like lower(" + bindText(val) + ")";
            case "notilike" -> "lower(" + text(field, path) + ") not like lower(" + bindText(val) + ")";
            case "startswith" -> text(field, path) + " like " + bindPattern(val, "", "%") + " escape '!'";
            case "endswith" -> text(field, path) + " like " + bindPattern(val, "%", "") + " escape '!'";
            case "contains" -> text(field, path) + " like " + bindPattern(val, "%", "%") + " escape '!'";
            case "in_", "in" -> membership(field, path, val, false);
            case "notin_", "not_in", "notin" -> membership(field, path, val, true);
            case "is_", "is" -> identity(field, path, val, false);
            case "isnot", "is_not" -> identity(field, path, val, true);
            case "between" -> between(field, path, val);
            default -> throw invalid("'" + op + "' is not a supported filter operator.");
        });
    }

    /** A condition on a guarded field also requires that the caller may read the field on the row. */
    private String guarded(ResourceFields fields, Field field, String alias, String condition) {
        if (!field.guarded()) {
            return condition;
        }
        String guard = restrictions.guard(fields, field, alias, this::parameter);
        return guard == null ? condition : "(" + condition + " and (" + guard + "))";
    }

    private String nested(JsonNode node, String name, String op, ResourceFields fields, String alias, int depth) {
        Relation relation = fields.relation(name)
                .orElseThrow(() -> invalid("'" + name + "' is not a filterable relationship of " + fields.type() + "."));
        if (relation.toMany() != op.equals("any")) {
            throw invalid("Use 'any' for to-many and 'has' for to-one relationships ('" + name + "').");
        }
        JsonNode val = node.get("val");
        if (val == null || !(val.isObject() || val.isArray())) {
            throw invalid("'" + op + "' takes a condition object as its value.");
        }
        if (relation.keyOnly()) {
            // The target lives in another service: only its id (held here as a key) can be compared.
            return val.isArray() ? conjunction(val, relation.target(), alias, depth + 1)
                    : node(val, relation.target(), alias, depth + 1);
        }
        String inner = "n" + (++aliasCounter);
        String nestedClause = val.isArray()
                ? conjunction(val, relation.target(), inner, depth + 1)
                : node(val, relation.target(), inner, depth + 1);
        return exists(relation, alias, inner) + " and " + nestedClause + ")";
    }

    /** {@code track eq null} / {@code track ne null}: whether a live, visible target exists. */
    private String relationIsNull(JsonNode node, Relation relation, String op, String alias) {
        if (!node.has("val") || !isNull(node.get("val"))) {
            throw invalid("A relationship ('" + relation.wireName() + "') can only be compared with null; use "
                    + (relation.toMany() ? "'any'" : "'has'") + " to filter on its attributes.");
        }
        boolean absent = switch (op) {
            case "eq", "==", "is_", "is" -> true;
            case "ne", "!=", "isnot", "is_not" -> false;
            default -> throw invalid("'" + op + "' cannot compare a relationship with null.");
        };
        if (relation.keyOnly()) {
            return alias + "." + relation.keyProperty() + (absent ? " is null" : " is not null");
        }
        String inner = "n" + (++aliasCounter);
        return (absent ? "not " : "") + exists(relation, alias, inner) + ")";
    }

    /** The opening of {@code exists (select 1 from Target inner where <correlation> [and <visible>]}, unclosed. */
    private String exists(Relation relation, String outer, String inner) {
        String correlation = relation.correlation().replace("{inner}", inner).replace("{outer}", outer);
        String visible = restrictions.condition(relation.target(), inner, this::parameter);
        return "exists (select 1 from " + relation.target().entity() + " " + inner + " where " + correlation
                + (visible == null ? "" : " and (" + visible + ")");
    }

    private String membership(Field field, String path, JsonNode val, boolean negate) {
        if (val == null || !val.isArray()) {
            throw invalid("'in_' and 'notin_' take a JSON array.");
        }
        if (val.size() > MAX_LIST) {
            throw invalid("At most " + MAX_LIST + " values are allowed in a list.");
        }
        if (val.isEmpty()) {
            return negate ? "1 = 1" : "1 = 0";
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode element : val) {
            values.add(coerce(field, element));
        }
        return path + (negate ? " not in " : " in ") + parameter(values);
    }

    private String identity(Field field, String path, JsonNode val, boolean negate) {
        if (isNull(val)) {
            return path + (negate ? " is not null" : " is null");
        }
        Object value = coerce(field, val);
        if (!(value instanceof Boolean)) {
            throw invalid("'is_' and 'isnot' compare with null, true or false.");
        }
        return negate ? "(" + path + " is null or " + path + " <> " + parameter(value) + ")" : path + " = " + parameter(value);
    }

    private String between(Field field, String path, JsonNode val) {
        if (val == null || !val.isArray() || val.size() != 2) {
            throw invalid("'between' takes a JSON array of two values.");
        }
        return path + " between " + bind(field, val.get(0)) + " and " + bind(field, val.get(1));
    }

    private String bind(Field field, JsonNode val) {
        return parameter(coerce(field, required(val)));
    }

    private String bindText(JsonNode val) {
        return parameter(textValue(val));
    }

    private String bindPattern(JsonNode val, String prefix, String suffix) {
        String escaped = textValue(val).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return parameter(prefix + escaped + suffix);
    }

    private String parameter(Object value) {
        String name = "f" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    private static String text(Field field, String path) {
        return field.type() == FieldType.STRING ? path : "str(" + path + ")";
    }

    private static String comparison(String op) {
        return switch (op) {
            case "eq", "==" -> "=";
            case "ne", "!=" -> "<>";
            case "lt", "<" -> "<";
            case "le", "<=" -> "<=";
            case "gt", ">" -> ">";
            case "ge", ">=" -> ">=";
            default -> throw invalid("'" + op + "' cannot compare two fields.");
        };
    }

    static Object coerce(Field field, JsonNode val) {
        if (isNull(val)) {
            throw invalid("'" + field.wireName() + "' cannot be compared with null using this operator.");
        }
        if (val.isContainerNode()) {
            throw invalid("'" + field.wireName() + "' takes a single value.");
        }
        String raw = val.asText();
        if (raw.indexOf('\u0000') >= 0) {
            throw invalid("Filter values cannot contain NUL characters.");
        }
        try {
            return switch (field.type()) {
                case STRING -> raw;
                case LONG -> val.isIntegralNumber() ? val.longValue() : Long.parseLong(raw.trim());
                case INTEGER -> val.isIntegralNumber() && val.canConvertToInt() ? val.intValue() : Integer.parseInt(raw.trim());
                case DOUBLE -> val.isNumber() ? val.doubleValue() : finite(Double.parseDouble(raw.trim()));
                case BOOLEAN -> bool(val, raw);
                case DATETIME -> dateTime(raw.trim());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid("'" + raw + "' is not a valid value for '" + field.wireName() + "'.");
        }
    }

    private static double finite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }

    private static Boolean bool(JsonNode val, String raw) {
        if (val.isBoolean()) {
            return val.booleanValue();
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new NumberFormatException("not a boolean");
        };
    }

    private static OffsetDateTime dateTime(String raw) {
        if (raw.length() == 10) {
            return LocalDate.parse(raw).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            // The original accepts naive datetimes and reads them as UTC.
            return java.time.LocalDateTime.parse(raw).atOffset(ZoneOffset.UTC);
        }
    }

    private static String textValue(JsonNode val) {
        if (isNull(val) || val.isContainerNode()) {
            throw invalid("This operator takes a text value.");
        }
        if (val.asText().indexOf('\u0000') >= 0) {
            throw invalid("Filter values cannot contain NUL characters.");
        }
        return val.asText();
    }

    private static JsonNode required(JsonNode val) {
        if (isNull(val)) {
            throw invalid("This operator needs a non-null 'val'.");
        }
        return val;
    }

    private static boolean isNull(JsonNode val) {
        return val == null || val.isNull() || val.isMissingNode();
    }

    private static String text(JsonNode node, String member) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw invalid("Each filter condition needs a text '" + member + "'.");
        }
        return node.asText();
    }

    static ApiException invalid(String detail) {
        return ApiException.badRequest(PARAMETER, detail);
    }
}
