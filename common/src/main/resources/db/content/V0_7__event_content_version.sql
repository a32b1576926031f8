-- Every committed change to what a public document of an event may show raises that event's content version
-- (row 0 stands for rows that belong to no event, e.g. vocabularies). Kept documents are keyed by these versions, so
-- a client reads its own write at once. Each service attaches the function to its own tables with deferred triggers
-- (its db/migration), so a version row is locked only while committing.
CREATE TABLE event_content_version (
    event_id bigint PRIMARY KEY,
    version  bigint NOT NULL
);

-- Arguments: none (the row belongs to no event), the column holding the event id, or a column holding the id of a
-- parent row and the parent's table (whose event_id is then looked up).
CREATE FUNCTION raise_event_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb;
    events  bigint[] := '{}';
    event   bigint;
BEGIN
    FOREACH changed IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
                                        ELSE ARRAY[to_jsonb(NEW), to_jsonb(OLD)] END LOOP
        IF TG_NARGS = 0 THEN
            event := 0;
        ELSIF TG_NARGS = 1 THEN
            event := (changed ->> TG_ARGV[0])::bigint;
        ELSE
            EXECUTE format('SELECT event_id FROM %I WHERE id = $1', TG_ARGV[1])
                INTO event USING (changed ->> TG_ARGV[0])::bigint;
        END IF;
        event := coalesce(event, 0);
        IF NOT event = ANY (events) THEN
            events := events || event;
            INSERT INTO event_content_version AS v (event_id, version) VALUES (event, 1)
                ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
