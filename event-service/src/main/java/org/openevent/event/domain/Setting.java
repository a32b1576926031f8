package org.openevent.event.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openevent.common.resource.ResourceEntity;

/**
 * The site settings, one row (id 1). The original has about a hundred columns, most of them free texts read by
 * nobody but the admin form; they live in one JSON object keyed by wire name, each declared and checked by the
 * resource declaration.
 */
@Entity
@Table(name = "setting")
public class Setting extends ResourceEntity {

    public static final long ID = 1;

    @JdbcTypeCode(SqlTypes.JSON)
    public ObjectNode attributes = JsonNodeFactory.instance.objectNode();

    public String text(String key) {
        JsonNode value = attributes.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    public Integer integer(String key) {
        JsonNode value = attributes.get(key);
        return value == null || value.isNull() ? null : value.asInt();
    }

    public Boolean bool(String key) {
        JsonNode value = attributes.get(key);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** Stores a value; null removes it, so the attribute goes back to its default. */
    public void put(String key, Object value) {
        ObjectNode copy = attributes.deepCopy();
        if (value == null) {
            copy.remove(key);
        } else if (value instanceof Integer number) {
            copy.put(key, number);
        } else if (value instanceof Boolean flag) {
            copy.put(key, flag);
        } else {
            copy.put(key, value.toString());
        }
        attributes = copy;
    }
}
