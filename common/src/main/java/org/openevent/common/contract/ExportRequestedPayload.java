package org.openevent.common.contract;

/**
 * Asks export-service to render an event's schedule for a task. {@code scheduleVersion} is the event's schedule
 * version when the export was requested: the file must contain every change up to it.
 */
public record ExportRequestedPayload(String taskId, long eventId, String format, long requestedBy,
                                     long scheduleVersion) {
}
