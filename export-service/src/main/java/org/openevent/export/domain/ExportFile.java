package org.openevent.export.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A rendered export of one event in one format at one schedule version (with the event version and feed epoch it
 * was rendered at), kept as its assembly {@link Plan}. Tasks refer to files; any replica can stream one.
 */
public record ExportFile(UUID id, long eventId, String format, long scheduleVersion, long eventVersion,
                         long feedEpoch, String fileName, String contentType, Plan plan, OffsetDateTime createdAt) {
}
