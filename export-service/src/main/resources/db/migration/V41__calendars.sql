-- Live feeds, cancellations, personal favourites feeds, four formats and incremental, streamed renders.

-- Events (common's shared projection, which already holds privacy and schedule_published_on): an epoch that
-- moves when a feed's content changes without a schedule version (a cancellation's listing period ends).
ALTER TABLE event_projection ADD COLUMN feed_epoch bigint NOT NULL DEFAULT 0;
ALTER TABLE event_projection ADD COLUMN feed_epoch_at timestamptz;

-- Sessions: listing 1 = scheduled (accepted or confirmed, timed, live), 2 = cancelled (was public, then withdrawn,
-- rejected, canceled or deleted; listed until its period ends), 0 = not listed. listed_* are the times a listed
-- session is shown at (the last published ones for a cancellation). render_gen rises whenever anything its
-- rendered fragment shows changes (its snapshot, its track, room, type or speakers, the event's zone or place).
ALTER TABLE session ADD COLUMN was_public boolean NOT NULL DEFAULT false;
ALTER TABLE session ADD COLUMN listing smallint NOT NULL DEFAULT 0;
ALTER TABLE session ADD COLUMN listed_starts_at timestamptz;
ALTER TABLE session ADD COLUMN listed_ends_at timestamptz;
ALTER TABLE session ADD COLUMN cancelled_at timestamptz;
ALTER TABLE session ADD COLUMN render_gen bigint NOT NULL DEFAULT 1;
UPDATE session SET listing = 1, was_public = true, listed_starts_at = starts_at, listed_ends_at = ends_at
WHERE deleted_at IS NULL AND state IN ('accepted', 'confirmed') AND starts_at IS NOT NULL AND ends_at IS NOT NULL;
CREATE INDEX session_listed ON session (event_id, listed_starts_at, id) WHERE listing > 0;
CREATE INDEX session_cancelled ON session (cancelled_at) WHERE listing = 2;
CREATE INDEX session_track ON session (track_id);
CREATE INDEX session_microlocation ON session (microlocation_id);
CREATE INDEX session_session_type ON session (session_type_id);
CREATE INDEX session_speaker_speaker ON session_speaker (speaker_id);

-- Users' favourite sessions (user-favourite-session.upserted), for personal feeds.
CREATE TABLE favourite (
    id         bigint PRIMARY KEY,
    event_id   bigint      NOT NULL,
    session_id bigint      NOT NULL,
    user_id    bigint      NOT NULL,
    version    bigint      NOT NULL,
    deleted_at timestamptz
);
CREATE INDEX favourite_user ON favourite (user_id, session_id) WHERE deleted_at IS NULL;

-- A user's personal feed token is derived from a secret key and this nonce; only its hash is stored, so the
-- table alone never reveals a working feed URL. Rotating replaces the nonce, revoking deletes the row.
CREATE TABLE feed_token (
    user_id    bigint PRIMARY KEY,
    nonce      bytea       NOT NULL,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

-- One rendered component per session, format and render generation, immutable: files and feeds are assembled
-- from them, so a change re-renders one session. superseded_at is set when a newer generation is rendered.
CREATE TABLE session_fragment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id    bigint      NOT NULL,
    event_id      bigint      NOT NULL,
    format        varchar(16) NOT NULL,
    render_gen    bigint      NOT NULL,
    content       bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    superseded_at timestamptz,
    CONSTRAINT session_fragment_generation UNIQUE (session_id, format, render_gen)
);
CREATE INDEX session_fragment_superseded ON session_fragment (superseded_at) WHERE superseded_at IS NOT NULL;

-- A rendered file is kept per event, format and schedule version as its assembly plan: the bytes before, between
-- and after the session fragments, and the fragments in order. Tasks refer to files; a request for an unchanged
-- schedule version reuses one.
DROP TABLE export_file;
CREATE TABLE export_file (
    id               uuid PRIMARY KEY,
    event_id         bigint      NOT NULL,
    format           varchar(16) NOT NULL,
    schedule_version bigint      NOT NULL,
    event_version    bigint      NOT NULL,
    feed_epoch       bigint      NOT NULL,
    file_name        text        NOT NULL,
    content_type     text        NOT NULL,
    head             bytea       NOT NULL,
    separator        bytea       NOT NULL,
    fragment_ids     bigint[]    NOT NULL,
    prefixes         bytea       NOT NULL,
    tail             bytea       NOT NULL,
    created_at       timestamptz NOT NULL,
    last_used_at     timestamptz NOT NULL
);
CREATE INDEX export_file_event ON export_file (event_id, format, created_at DESC);

ALTER TABLE export_task ADD COLUMN file_id uuid REFERENCES export_file (id) ON DELETE SET NULL;
ALTER TABLE export_task ADD COLUMN rendered_by text;
CREATE INDEX export_task_file ON export_task (file_id);
