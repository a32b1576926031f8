-- Shared by every service: the transactional outbox and the idempotent consumer's ledger.
CREATE TABLE outbox_message (
    id          uuid PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    envelope    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_message_unsent ON outbox_message (created_at, id) WHERE sent_at IS NULL;

CREATE TABLE processed_message (
    message_id   text PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
