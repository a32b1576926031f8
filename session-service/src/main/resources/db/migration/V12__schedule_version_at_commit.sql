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
    UPDATE outbox_message
    SET envelope = jsonb_set(envelope::jsonb, '{payload,scheduleVersion}', to_jsonb(taken))::text
    WHERE seq = NEW.seq;
    RETURN NULL;
END;
$$;

-- Deferred triggers run in the order their rows were written, so one transaction's changes keep their order.
CREATE CONSTRAINT TRIGGER stamp_schedule_version AFTER INSERT ON outbox_message
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.envelope LIKE '%"scheduleVersion":-1%')
    EXECUTE FUNCTION stamp_schedule_version();
