package org.openevent.common.contract;

/** The terminal result of an export task: {@code SUCCESS} with a download URL or {@code FAILURE} with a reason. */
public record ExportCompletedPayload(String taskId, long eventId, String state, String downloadUrl, String error) {
}
