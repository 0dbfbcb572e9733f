-- Shared by every Waypoint service. Services number their own migrations from V2.

-- Transactional outbox: a state change and the event announcing it commit together.
CREATE TABLE outbox (
    id          BIGSERIAL    PRIMARY KEY,
    topic       TEXT         NOT NULL,
    record_key  TEXT         NOT NULL,
    event_id    UUID         NOT NULL UNIQUE,
    event_type  TEXT         NOT NULL,
    source      TEXT         NOT NULL,
    subject     TEXT,
    occurred_at TIMESTAMPTZ  NOT NULL,
    payload     BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Idempotent consumption: one row per (consumer, event) handled.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key header of REST commands: per scope (command and resource) and key, a hash of the request
-- first sent with the key and the response first given to it, stored in the command's own transaction.
CREATE TABLE idempotent_request (
    scope            TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    request_hash     TEXT        NOT NULL,
    response_status  INT,
    response_body    TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
