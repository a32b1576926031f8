-- Rendering happens outside transactions: a task is claimed (RENDERING, token, lease) in one short transaction
-- and completed in another, conditional on still holding the claim; an expired lease can be claimed again.
ALTER TABLE export_task DROP CONSTRAINT export_task_state_check;
ALTER TABLE export_task ADD CONSTRAINT export_task_state_check
    CHECK (state IN ('WAITING', 'RENDERING', 'SUCCESS', 'FAILURE'));
ALTER TABLE export_task ADD COLUMN claim_token uuid;
ALTER TABLE export_task ADD COLUMN claim_expires_at timestamptz;
CREATE INDEX export_task_rendering ON export_task (claim_expires_at) WHERE state = 'RENDERING';

-- The event's schedule version in session-service when the export was requested: the file must contain it.
ALTER TABLE export_task ADD COLUMN schedule_version bigint NOT NULL DEFAULT 0;

-- Per event, every schedule version up to `version` has been seen (applied, or skipped as stale because a newer
-- snapshot of the same aggregate already covers it).
CREATE TABLE schedule_watermark (
    event_id   bigint PRIMARY KEY,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);
-- Versions seen above the watermark, kept until the gap below them fills.
CREATE TABLE schedule_version_seen (
    event_id bigint NOT NULL,
    version  bigint NOT NULL,
    PRIMARY KEY (event_id, version)
);

-- When this replica applied the snapshot (with the snapshot's commit time upstream this gives the propagation lag).
ALTER TABLE session ADD COLUMN applied_at timestamptz;
