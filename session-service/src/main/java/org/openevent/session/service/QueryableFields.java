package org.openevent.session.service;

import org.openevent.common.jsonapi.query.FieldType;
import org.openevent.common.jsonapi.query.ResourceFields;

/** What clients may filter and sort on, per resource; private fields (speaker e-mail, mobile) are absent on purpose. */
public final class QueryableFields {

    public static final ResourceFields TRACK = ResourceFields.of("track", "Track")
            .field("id", "id", FieldType.LONG)
            .field("name", "name", FieldType.STRING)
            .filterOnly("description", "description", FieldType.STRING)
            .field("color", "color", FieldType.STRING)
            .field("position", "position", FieldType.INTEGER);

    public static final ResourceFields MICROLOCATION = ResourceFields.of("microlocation", "Microlocation")
            .field("id", "id", FieldType.LONG)
            .field("name", "name", FieldType.STRING)
            .field("floor", "floor", FieldType.INTEGER)
            .field("latitude", "latitude", FieldType.DOUBLE)
            .field("longitude", "longitude", FieldType.DOUBLE)
            .field("room", "room", FieldType.STRING)
            .field("position", "position", FieldType.INTEGER)
            .field("hidden-in-scheduler", "hiddenInScheduler", FieldType.BOOLEAN);

    public static final ResourceFields SESSION_TYPE = ResourceFields.of("session-type", "SessionType")
            .field("id", "id", FieldType.LONG)
            .field("name", "name", FieldType.STRING)
            .field("length", "length", FieldType.STRING)
            .field("position", "position", FieldType.INTEGER);

    public static final ResourceFields SPEAKER = ResourceFields.of("speaker", "Speaker")
            .field("id", "id", FieldType.LONG)
            .field("name", "name", FieldType.STRING)
            .field("organisation", "organisation", FieldType.STRING)
            .field("position", "position", FieldType.STRING)
            .field("country", "country", FieldType.STRING)
            .field("city", "city", FieldType.STRING)
            .field("gender", "gender", FieldType.STRING)
            .field("is-featured", "featured", FieldType.BOOLEAN)
            .field("order", "sortOrder", FieldType.INTEGER)
            .filterOnly("short-biography", "shortBiography", FieldType.STRING)
            .relation("sessions", true, () -> QueryableFields.SESSION,
                    "{inner}.deletedAt is null and {inner}.state in ('accepted', 'confirmed') and {inner}.id in "
                            + "(select l.sessionId from SessionSpeaker l where l.speakerId = {outer}.id)");

    public static final ResourceFields SESSION = ResourceFields.of("session", "Session")
            .field("id", "id", FieldType.LONG)
            .field("title", "title", FieldType.STRING)
            .field("subtitle", "subtitle", FieldType.STRING)
            .filterOnly("short-abstract", "shortAbstract", FieldType.STRING)
            .filterOnly("long-abstract", "longAbstract", FieldType.STRING)
            .field("language", "language", FieldType.STRING)
            .field("level", "level", FieldType.STRING)
            .field("state", "state", FieldType.STRING)
            .field("starts-at", "startsAt", FieldType.DATETIME)
            .field("ends-at", "endsAt", FieldType.DATETIME)
            .field("is-locked", "locked", FieldType.BOOLEAN)
            .field("created-at", "createdAt", FieldType.DATETIME)
            .relation("track", false, () -> TRACK, "{inner}.id = {outer}.trackId and {inner}.deletedAt is null")
            .relation("microlocation", false, () -> MICROLOCATION,
                    "{inner}.id = {outer}.microlocationId and {inner}.deletedAt is null")
            .relation("session-type", false, () -> SESSION_TYPE,
                    "{inner}.id = {outer}.sessionTypeId and {inner}.deletedAt is null")
            .relation("speakers", true, () -> SPEAKER, "{inner}.deletedAt is null and {inner}.id in "
                    + "(select l.speakerId from SessionSpeaker l where l.sessionId = {outer}.id)");

    private QueryableFields() {
    }
}
