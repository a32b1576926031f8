-- Every schedule change of an event takes the next number here in its own transaction, so the numbers of one
-- event have no gaps (a rolled-back change rolls its number back too) and "everything up to N" is well defined.
CREATE TABLE event_schedule (
    event_id bigint PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
    version  bigint NOT NULL
);

-- Once accepted or confirmed, a session stays known as published so its withdrawal can be sent as a cancellation.
ALTER TABLE session ADD COLUMN was_public boolean NOT NULL DEFAULT false;
ALTER TABLE session ADD COLUMN submitted_at timestamptz;
UPDATE session SET was_public = true WHERE state IN ('accepted', 'confirmed');
