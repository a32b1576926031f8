-- The event projection every service that does not own events shares (common's ProjectedEvent and
-- ProjectedEventRole, kept current by EventProjection). A service lists db/projection in quarkus.flyway.locations.
-- IF NOT EXISTS: for databases whose own migrations created these tables before this file existed.
CREATE TABLE IF NOT EXISTS event_projection (
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
CREATE UNIQUE INDEX IF NOT EXISTS event_projection_identifier ON event_projection (identifier);

CREATE TABLE IF NOT EXISTS event_projection_role (
    event_id bigint      NOT NULL,
    user_id  bigint      NOT NULL,
    role     varchar(32) NOT NULL,
    PRIMARY KEY (event_id, user_id, role)
);
CREATE INDEX IF NOT EXISTS event_projection_role_user ON event_projection_role (user_id, role);
