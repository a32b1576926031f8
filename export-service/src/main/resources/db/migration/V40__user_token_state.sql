-- What this service knows of user-service's accounts, to refuse revoked tokens (common's ProjectedAccountDirectory,
-- fed by user.upserted and by user-service's snapshot route when a token is newer than this row).
CREATE TABLE user_token_state (
    id               bigint PRIMARY KEY,
    version          bigint      NOT NULL,
    token_generation bigint      NOT NULL,
    blocked          boolean     NOT NULL,
    deleted_at       timestamptz,
    applied_at       timestamptz NOT NULL
);
