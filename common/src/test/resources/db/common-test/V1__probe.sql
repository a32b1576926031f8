-- A projection for the consumer kit's tests: applied counts how often a snapshot was written.
CREATE TABLE probe_row (
    id         bigint PRIMARY KEY,
    name       text    NOT NULL,
    version    bigint  NOT NULL,
    applied    integer NOT NULL,
    deleted_at timestamptz
);
