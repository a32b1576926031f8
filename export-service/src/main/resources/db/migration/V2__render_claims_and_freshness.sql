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
-- Every schedule version a consumer sees is one insert here: no row is shared between the messages of an event,
-- so consumers of a busy event never queue on a lock. advance_schedule_watermark folds the contiguous run above
-- the watermark into it; versions above a gap stay until the gap fills.
CREATE TABLE schedule_version_seen (
    event_id bigint NOT NULL,
    version  bigint NOT NULL,
    PRIMARY KEY (event_id, version)
);

CREATE FUNCTION advance_schedule_watermark(p_event bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    floor_version bigint;
    top           bigint;
BEGIN
    INSERT INTO schedule_watermark (event_id, version, updated_at) VALUES (p_event, 0, now())
    ON CONFLICT (event_id) DO NOTHING;
    SELECT version INTO floor_version FROM schedule_watermark WHERE event_id = p_event FOR UPDATE;
    -- Above the floor, version - rank stays equal to the floor exactly as long as there is no gap.
    SELECT coalesce(max(version), floor_version) INTO top
    FROM (SELECT version, version - row_number() OVER (ORDER BY version) AS offset_from_rank
          FROM schedule_version_seen WHERE event_id = p_event AND version > floor_version) above
    WHERE offset_from_rank = floor_version;
    IF top > floor_version THEN
        UPDATE schedule_watermark SET version = top, updated_at = now() WHERE event_id = p_event;
    END IF;
    DELETE FROM schedule_version_seen WHERE event_id = p_event AND version <= top;
    RETURN top;
END;
$$;

-- When this replica applied the snapshot (with the snapshot's commit time upstream this gives the propagation lag).
ALTER TABLE session ADD COLUMN applied_at timestamptz;
