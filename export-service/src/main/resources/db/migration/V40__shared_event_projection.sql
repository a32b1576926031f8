-- export-service judges access and renders from the event projection every service shares (common's
-- db/projection creates it) instead of a copy of its own.
INSERT INTO event_projection (id, identifier, name, description, state, timezone, starts_at, ends_at, location_name,
                              latitude, longitude, deleted_at, version, sessions_speakers_enabled, applied_at)
SELECT id, identifier, name, description, state, timezone, starts_at, ends_at, location_name, latitude, longitude,
       deleted_at, version, true, updated_at
FROM event;
INSERT INTO event_projection_role (event_id, user_id, role) SELECT event_id, user_id, role FROM event_role;
DROP TABLE event_role;
DROP TABLE event;
