-- Outbox relay v2: a commit order per aggregate (seq), a fairness key per row, and a wake-up at commit.
-- Rows written before this migration get seq in the order they were created.
ALTER TABLE outbox_message ADD COLUMN seq bigint;
CREATE SEQUENCE outbox_message_seq OWNED BY outbox_message.seq;
UPDATE outbox_message SET seq = ordered.rank
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rank FROM outbox_message) ordered
WHERE outbox_message.id = ordered.id;
SELECT setval('outbox_message_seq', coalesce((SELECT max(seq) FROM outbox_message), 0) + 1, false);
ALTER TABLE outbox_message ALTER COLUMN seq SET DEFAULT nextval('outbox_message_seq');
ALTER TABLE outbox_message ALTER COLUMN seq SET NOT NULL;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_seq_unique UNIQUE (seq);

-- The unit of fairness: one key's backlog (e.g. one event's bulk load) must not delay the others.
ALTER TABLE outbox_message ADD COLUMN fairness_key text;
UPDATE outbox_message SET fairness_key = message_key;
ALTER TABLE outbox_message ALTER COLUMN fairness_key SET NOT NULL;

-- The relay ranks unsent rows within their fairness key in seq order: this index hands them over presorted.
DROP INDEX outbox_message_unsent;
CREATE INDEX outbox_message_unsent ON outbox_message (fairness_key, seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_message_sent ON outbox_message (sent_at) WHERE sent_at IS NOT NULL;

-- NOTIFY is delivered at commit (never for a rolled-back row) and coalesced per transaction, so the relay
-- wakes once per committing transaction that wrote to the outbox.
CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('openevent_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_message_notify AFTER INSERT ON outbox_message
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify();
