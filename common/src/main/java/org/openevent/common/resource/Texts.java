package org.openevent.common.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Text that may be stored: no NUL characters (PostgreSQL refuses them) and no unpaired UTF-16 surrogates. */
public final class Texts {

    public static final String UNSTORABLE = "Text must not contain NUL characters or unpaired surrogates.";

    private Texts() {
    }

    /** The text itself, or an {@link InvalidValue} when it cannot be stored faithfully. */
    public static String check(String text) {
        if (!storable(text)) {
            throw new InvalidValue(UNSTORABLE);
        }
        return text;
    }

    /** True when every character can be stored and encoded as UTF-8. */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds to {@code pointers} the JSON pointer of every string in the tree that cannot be stored (for a key, the
     * object holding it), at most {@code limit} of them.
     */
    public static void unstorable(JsonNode node, String pointer, List<String> pointers, int limit) {
        if (pointers.size() >= limit) {
            return;
        }
        if (node.isTextual()) {
            if (!storable(node.textValue())) {
                pointers.add(pointer);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!storable(field.getKey())) {
                    pointers.add(pointer.isEmpty() ? "/" : pointer);
                    return;
                }
                unstorable(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                        pointers, limit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorable(node.get(i), pointer + "/" + i, pointers, limit);
            }
        }
    }

    /** Checks every string (keys and values) inside a JSON tree. */
    static JsonNode checkTree(JsonNode node) {
        if (node.isTextual()) {
            check(node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                check(field.getKey());
                checkTree(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(Texts::checkTree);
        }
        return node;
    }
}
