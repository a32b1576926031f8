-- The schedule version of the message that last changed what a session's fragment shows or where it is listed.
-- A plan of an event's whole schedule made once every version up to W had arrived already holds every change marked
-- W or lower, so the next plan of that event starts from it and reads only the sessions marked above W: one index
-- range instead of a pass over every listed session. Rows changed before this column existed keep 0; changes
-- without a schedule version are marked with the largest bigint, so every later plan reads them again.
ALTER TABLE session ADD COLUMN changed_in bigint NOT NULL DEFAULT 0;
CREATE INDEX session_changed ON session (event_id, changed_in);
