-- Statistics whose cost per message no longer grows with the data.
--
-- How many sessions each speaker is linked to in each state. A session change used to recompute the states of its
-- speakers from all of their sessions (stat_speaker_flags), a cost that grew with every session a speaker holds:
-- 10 ms per message for a speaker with 3,000 sessions. Triggers keep these counts equal to
-- "links joined with the sessions' current states" after any statement, whatever order a function writes in.
CREATE TABLE stat_speaker_state (
    speaker_id bigint  NOT NULL,
    state      text    NOT NULL,
    sessions   integer NOT NULL,
    PRIMARY KEY (speaker_id, state)
);

INSERT INTO stat_speaker_state (speaker_id, state, sessions)
SELECT l.speaker_id, s.state, count(*)
FROM stat_session_speaker l JOIN stat_session s ON s.id = l.session_id AND s.state IS NOT NULL
GROUP BY l.speaker_id, s.state;

-- Adds n to (speaker, state); a count that reaches 0 is removed, so the rows of a speaker are its states.
CREATE FUNCTION stat_speaker_state_add(speaker bigint, session_state text, n integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF session_state IS NULL OR n = 0 THEN
        RETURN;
    END IF;
    INSERT INTO stat_speaker_state AS t (speaker_id, state, sessions) VALUES (speaker, session_state, n)
    ON CONFLICT (speaker_id, state) DO UPDATE SET sessions = t.sessions + excluded.sessions;
    DELETE FROM stat_speaker_state WHERE speaker_id = speaker AND state = session_state AND sessions = 0;
END
$$;

CREATE FUNCTION stat_session_speaker_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM stat_speaker_state_add(NEW.speaker_id, s.state, 1) FROM stat_session s WHERE s.id = NEW.session_id;
        RETURN NEW;
    END IF;
    PERFORM stat_speaker_state_add(OLD.speaker_id, s.state, -1) FROM stat_session s WHERE s.id = OLD.session_id;
    RETURN OLD;
END
$$;

CREATE TRIGGER stat_session_speaker_counted AFTER INSERT OR DELETE ON stat_session_speaker
    FOR EACH ROW EXECUTE FUNCTION stat_session_speaker_counted();

CREATE FUNCTION stat_session_state_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM stat_speaker_state_add(l.speaker_id, OLD.state, -1), stat_speaker_state_add(l.speaker_id, NEW.state, 1)
    FROM stat_session_speaker l WHERE l.session_id = NEW.id ORDER BY l.speaker_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER stat_session_state_counted AFTER UPDATE OF state ON stat_session
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION stat_session_state_counted();

-- The states a speaker has sessions in, read from the counts instead of from every session.
CREATE OR REPLACE FUNCTION stat_speaker_flags(speakers bigint[]) RETURNS stat_delta[] LANGUAGE plpgsql AS $$
DECLARE
    deltas stat_delta[];
BEGIN
    IF cardinality(speakers) = 0 THEN
        RETURN '{}';
    END IF;
    INSERT INTO stat_speaker (id) SELECT s FROM unnest(speakers) s ORDER BY s ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_speaker WHERE id = ANY (speakers) ORDER BY id FOR UPDATE;
    WITH states AS (
        SELECT c.speaker_id, array_agg(c.state ORDER BY c.state) AS states
        FROM stat_speaker_state c
        WHERE c.speaker_id = ANY (speakers)
        GROUP BY c.speaker_id
    ), fresh AS (
        SELECT sp.id, sp.counted_event AS old_event, sp.counted_states AS old_states,
               sp.counted_without AS old_without,
               CASE WHEN sp.live THEN sp.event_id END AS new_event,
               CASE WHEN sp.live THEN coalesce(st.states, '{}') ELSE '{}' END AS new_states
        FROM stat_speaker sp LEFT JOIN states st ON st.speaker_id = sp.id
        WHERE sp.id = ANY (speakers)
    ), changed AS (
        UPDATE stat_speaker sp
        SET counted_event = f.new_event, counted_states = f.new_states,
            counted_without = f.new_event IS NOT NULL AND cardinality(f.new_states) = 0
        FROM fresh f
        WHERE sp.id = f.id AND (sp.counted_event IS DISTINCT FROM f.new_event OR sp.counted_states <> f.new_states
                                OR sp.counted_without <> (f.new_event IS NOT NULL AND cardinality(f.new_states) = 0))
        RETURNING f.*, sp.counted_without AS new_without
    )
    SELECT coalesce(array_agg(d), '{}') INTO deltas FROM (
        SELECT ROW(c.old_event, 'speakers.' || s, -1)::stat_delta AS d FROM changed c, unnest(c.old_states) s
        UNION ALL SELECT ROW(c.new_event, 'speakers.' || s, 1)::stat_delta FROM changed c, unnest(c.new_states) s
        UNION ALL SELECT ROW(c.old_event, 'speakers.total', -1)::stat_delta FROM changed c
                  WHERE cardinality(c.old_states) > 0
        UNION ALL SELECT ROW(c.new_event, 'speakers.total', 1)::stat_delta FROM changed c
                  WHERE cardinality(c.new_states) > 0
        UNION ALL SELECT ROW(c.old_event, 'speakers.without-session', -1)::stat_delta FROM changed c WHERE c.old_without
        UNION ALL SELECT ROW(c.new_event, 'speakers.without-session', 1)::stat_delta FROM changed c WHERE c.new_without
    ) x;
    RETURN deltas;
END
$$;

-- The batches arrive as jsonb, and the planner guesses 100 rows for jsonb_to_recordset: against a few thousand rows
-- it then hashed the whole table (a sequential scan of stat_session per message, 1.5 ms at 14,000 sessions and
-- growing) instead of looking the batch's ids up in the primary key. The appliers only ever touch rows their batch
-- names, so inside them (and the functions they call) index paths win whatever the guess.
ALTER FUNCTION stats_apply_events(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_sessions(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_speakers(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_users(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_mails(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_groups(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_follows(jsonb) SET enable_seqscan = off;
ALTER FUNCTION stats_apply_taxonomy(jsonb) SET enable_seqscan = off;
