-- The event projection moves to the shape every service shares (common's ProjectedEvent), and the schedule
-- stops referencing it with foreign keys: events belong to event-service, and their copies here may arrive after
-- the schedule rows that name them are written through the owner fallback.
CREATE TABLE event_projection (
    id                        bigint PRIMARY KEY,
    identifier                varchar(64),
    name                      text,
    description               text,
    state                     varchar(16),
    privacy                   varchar(16),
    timezone                  varchar(64),
    starts_at                 timestamptz,
    ends_at                   timestamptz,
    location_name             text,
    latitude                  double precision,
    longitude                 double precision,
    owner_name                text,
    schedule_published_on     timestamptz,
    sessions_speakers_enabled boolean NOT NULL DEFAULT false,
    sponsors_enabled          boolean NOT NULL DEFAULT false,
    event_type_id             bigint,
    event_topic_id            bigint,
    created_at                timestamptz,
    deleted_at                timestamptz,
    version                   bigint  NOT NULL,
    applied_at                timestamptz
);
CREATE UNIQUE INDEX event_projection_identifier ON event_projection (identifier);

CREATE TABLE event_projection_role (
    event_id bigint      NOT NULL,
    user_id  bigint      NOT NULL,
    role     varchar(32) NOT NULL,
    PRIMARY KEY (event_id, user_id, role)
);
CREATE INDEX event_projection_role_user ON event_projection_role (user_id, role);

INSERT INTO event_projection (id, identifier, name, state, timezone, starts_at, ends_at, deleted_at, version,
                              sessions_speakers_enabled, applied_at)
SELECT id, identifier, name, state, timezone, starts_at, ends_at, deleted_at, version, true, now() FROM event;
INSERT INTO event_projection_role (event_id, user_id, role) SELECT event_id, user_id, role FROM event_role;

ALTER TABLE track DROP CONSTRAINT track_event_id_fkey;
ALTER TABLE microlocation DROP CONSTRAINT microlocation_event_id_fkey;
ALTER TABLE session_type DROP CONSTRAINT session_type_event_id_fkey;
ALTER TABLE speaker DROP CONSTRAINT speaker_event_id_fkey;
ALTER TABLE session DROP CONSTRAINT session_event_id_fkey;
ALTER TABLE event_schedule DROP CONSTRAINT event_schedule_event_id_fkey;
DROP TABLE event_role;
DROP TABLE event;

ALTER TABLE microlocation ADD COLUMN is_chat_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE microlocation ADD COLUMN is_global_event_room boolean NOT NULL DEFAULT false;
ALTER TABLE microlocation ADD COLUMN chat_room_name text;
