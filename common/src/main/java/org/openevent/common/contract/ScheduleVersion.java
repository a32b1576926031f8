package org.openevent.common.contract;

/** An event's committed schedule version as session-service reports it on {@code /internal}. */
public record ScheduleVersion(long eventId, long scheduleVersion) {
}
