-- Local copy of the event facts the statistics need, fed by event.upserted snapshots.
CREATE TABLE event_projection (
    id         bigint PRIMARY KEY,
    state      varchar(32),
    starts_at  timestamptz,
    ends_at    timestamptz,
    deleted_at timestamptz,
    version    bigint NOT NULL
);
CREATE INDEX event_projection_live ON event_projection (state, ends_at) WHERE deleted_at IS NULL;
