-- A schedule change takes its event's next number while its transaction commits, not while it runs: the row lock
-- on event_schedule that keeps the numbers gap-free is then held for the commit alone, never across the client
-- round trips of the rest of the transaction (every write to one event queued behind it: 50 session writes/s to
-- one event waited 0.5 s each on that lock). The writer puts -1 where the number goes (SchedulePublisher).
CREATE FUNCTION stamp_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    taken bigint;
BEGIN
    IF (NEW.envelope::jsonb #>> '{payload,scheduleVersion}') IS DISTINCT FROM '-1' THEN
        RETURN NULL;
    END IF;
    INSERT INTO event_schedule (event_id, version) VALUES (NEW.fairness_key::bigint, 1)
    ON CONFLICT (event_id) DO UPDATE SET version = event_schedule.version + 1
    RETURNING version INTO taken;
    -- A textual replacement keeps the envelope byte for byte as the writer serialized it (a jsonb round trip would
    -- reformat it); inside a JSON string the key's quotes would be escaped, so only the member itself matches.
    UPDATE outbox_message
    SET envelope = regexp_replace(envelope, '"scheduleVersion":-1(?=[,}])', '"scheduleVersion":' || taken)
    WHERE seq = NEW.seq;
    RETURN NULL;
END;
$$;

-- Deferred triggers run in the order their rows were written, so one transaction's changes keep their order.
CREATE CONSTRAINT TRIGGER stamp_schedule_version AFTER INSERT ON outbox_message
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.envelope LIKE '%"scheduleVersion":-1%')
    EXECUTE FUNCTION stamp_schedule_version();
