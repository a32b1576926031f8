package org.openevent.common.contract;

/**
 * A snapshot of one part of an event's schedule. Every schedule change in session-service takes the next
 * number of its event's schedule version in the same transaction, so a consumer that has seen every version
 * up to N holds everything committed up to N (an export waits for the version current at request time).
 */
public interface ScheduleChange {

    /** The event whose schedule changed. */
    long eventId();

    /** The event's schedule version taken by this change (1, 2, 3, ... without gaps per event). */
    long scheduleVersion();
}
