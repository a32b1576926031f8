-- export-service judges access and renders from the event projection every service shares (common's
-- ProjectedEvent, kept by EventProjection with the owner fallback) instead of a copy of its own.
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

INSERT INTO event_projection (id, identifier, name, description, state, timezone, starts_at, ends_at, location_name,
                              latitude, longitude, deleted_at, version, sessions_speakers_enabled, applied_at)
SELECT id, identifier, name, description, state, timezone, starts_at, ends_at, location_name, latitude, longitude,
       deleted_at, version, true, updated_at
FROM event;
INSERT INTO event_projection_role (event_id, user_id, role) SELECT event_id, user_id, role FROM event_role;
DROP TABLE event_role;
DROP TABLE event;
