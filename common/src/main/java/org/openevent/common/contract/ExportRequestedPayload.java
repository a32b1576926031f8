package org.openevent.common.contract;

/** Asks export-service to render an event's schedule for a task. */
public record ExportRequestedPayload(String taskId, long eventId, String format, long requestedBy) {
}
