-- The event projection moves to the shape every service shares (common's ProjectedEvent), and the schedule
-- stops referencing it with foreign keys: events belong to event-service, and their copies here may arrive after
-- the schedule rows that name them are written through the owner fallback.
-- The projection's tables come from common's db/projection.
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
