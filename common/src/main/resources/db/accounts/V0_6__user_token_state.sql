-- What a service knows of user-service's accounts, to refuse revoked tokens (common's ProjectedAccountDirectory, fed by
-- user.upserted and by user-service's snapshot route when a token is newer than this row). Every service but
-- user-service lists db/accounts in quarkus.flyway.locations (common's default does).
CREATE TABLE user_token_state (
    id               bigint PRIMARY KEY,
    version          bigint      NOT NULL,
    token_generation bigint      NOT NULL,
    blocked          boolean     NOT NULL,
    deleted_at       timestamptz,
    applied_at       timestamptz NOT NULL
);
