package org.openevent.export.domain;

/**
 * Which listed sessions of an event a calendar holds: all of them, those of one track, room or speaker, one user's
 * favourites, or none (the event's own calendar entry only). {@code withCancelled} keeps cancellations listed.
 */
public record Selection(long eventId, Kind kind, long key, boolean withCancelled) {

    /** What the sessions are filtered by; {@code key} is the track, room, speaker or user id. */
    public enum Kind { ALL, TRACK, ROOM, SPEAKER, FAVOURITES, NONE }

    public static Selection all(long eventId, boolean withCancelled) {
        return new Selection(eventId, Kind.ALL, 0, withCancelled);
    }
}
