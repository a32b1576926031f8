package org.openevent.common.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The versioned envelope of every domain message.
 *
 * @param messageId unique id consumers deduplicate on
 * @param type message type, e.g. {@code event.upserted}
 * @param schemaVersion version of the payload schema for this type
 * @param aggregateType kind of aggregate the message is about
 * @param aggregateId id of that aggregate; also the Kafka record key
 * @param aggregateVersion monotonically increasing version of the aggregate; older versions are stale
 * @param occurredAt when the change was committed
 * @param payload the type-specific body (a full snapshot for {@code *.upserted} and {@code *.deleted})
 */
public record Envelope(String messageId, String type, int schemaVersion, String aggregateType, String aggregateId,
                       long aggregateVersion, OffsetDateTime occurredAt, JsonNode payload) {

    /** True when every mandatory member is present. */
    public boolean isWellFormed() {
        return messageId != null && !messageId.isBlank() && type != null && aggregateType != null
                && aggregateId != null && aggregateVersion > 0 && payload != null && payload.isObject();
    }
}
