-- followup-service: post-dose care, obligations, timeline, therapist inbox. No identifying patient data.

-- One row per journey this service has heard of; the stage is derived from events.
CREATE TABLE journey (
    journey_id        TEXT        PRIMARY KEY,
    protocol_profile  TEXT,
    protocol_version  TEXT,
    stage             TEXT,
    stage_since       TIMESTAMPTZ,
    held_stage        TEXT,           -- the stage underneath a safety hold
    baseline_at       TIMESTAMPTZ,
    lead_therapist_id TEXT,
    co_therapist_id   TEXT,
    last_dose_at      TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    first_seen_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX journey_by_stage ON journey (stage, stage_since);

-- Every consumed event, for ops: a short non-identifying summary.
CREATE TABLE timeline_entry (
    event_id    UUID        PRIMARY KEY,
    journey_id  TEXT,
    topic       TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    summary     TEXT        NOT NULL
);
CREATE INDEX timeline_entry_by_journey ON timeline_entry (journey_id, occurred_at);

CREATE TABLE obligation (
    obligation_id  TEXT        PRIMARY KEY,
    journey_id     TEXT        NOT NULL REFERENCES journey (journey_id),
    kind           TEXT        NOT NULL,
    dosing_number  INT         NOT NULL DEFAULT 0,  -- 0: not tied to one dosing session
    due_at         TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL,            -- OPEN | MET | OVERDUE
    met_at         TIMESTAMPTZ,
    on_time        BOOLEAN,
    opened_at      TIMESTAMPTZ NOT NULL,            -- when this service learnt of it
    overdue_at     TIMESTAMPTZ,
    cause_event_id TEXT,
    UNIQUE (journey_id, kind, dosing_number)
);
CREATE INDEX obligation_open_by_due ON obligation (due_at) WHERE status = 'OPEN';
CREATE INDEX obligation_by_journey ON obligation (journey_id);

CREATE TABLE dosing_completion (
    journey_id    TEXT        NOT NULL REFERENCES journey (journey_id),
    dosing_number INT         NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (journey_id, dosing_number)
);

CREATE TABLE integration_completion (
    journey_id    TEXT        NOT NULL REFERENCES journey (journey_id),
    dosing_number INT         NOT NULL,
    sequence      INT         NOT NULL,
    held_from     TIMESTAMPTZ NOT NULL,             -- check-in (or booked start): when the session was held
    completed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (journey_id, dosing_number, sequence)
);

-- Appointments as announced by scheduling-service, for session reminders.
CREATE TABLE appointment (
    appointment_id TEXT        PRIMARY KEY,
    journey_id     TEXT        NOT NULL REFERENCES journey (journey_id),
    kind           TEXT        NOT NULL,
    sequence       INT,
    dosing_number  INT,
    start_at       TIMESTAMPTZ NOT NULL,
    end_at         TIMESTAMPTZ NOT NULL,
    therapist_ids  TEXT        NOT NULL DEFAULT '',  -- comma-separated
    status         TEXT        NOT NULL,             -- SCHEDULED | CHECKED_IN | COMPLETED | MISSED | CANCELLED
    checked_in_at  TIMESTAMPTZ,
    reminded_at    TIMESTAMPTZ
);
CREATE INDEX appointment_to_remind ON appointment (start_at) WHERE status = 'SCHEDULED' AND reminded_at IS NULL;

CREATE TABLE check_in (
    check_in_id    TEXT        PRIMARY KEY,
    journey_id     TEXT        NOT NULL REFERENCES journey (journey_id),
    dosing_number  INT,
    day_number     INT,
    phq9_item9     INT,
    cssrs_positive BOOLEAN     NOT NULL,
    concern_raised BOOLEAN     NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL
);

-- All adverse events, favourable ones included.
CREATE TABLE adverse_event (
    adverse_event_id TEXT        PRIMARY KEY,
    journey_id       TEXT        NOT NULL REFERENCES journey (journey_id),
    term             TEXT        NOT NULL,
    severity         TEXT        NOT NULL,
    serious          BOOLEAN     NOT NULL,
    favourable       BOOLEAN     NOT NULL,
    onset_at         TIMESTAMPTZ NOT NULL,
    dosing_number    INT,
    occurred_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE outcome_assessment (
    assessment_id     TEXT        PRIMARY KEY,
    journey_id        TEXT        NOT NULL REFERENCES journey (journey_id),
    instrument        TEXT        NOT NULL,
    timepoint         TEXT        NOT NULL,
    score             INT         NOT NULL,
    rater_id          TEXT        NOT NULL,
    rater_independent BOOLEAN     NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX outcome_assessment_by_journey ON outcome_assessment (journey_id, instrument, timepoint);

CREATE TABLE safety_hold (
    hold_id     TEXT        PRIMARY KEY,
    journey_id  TEXT        NOT NULL REFERENCES journey (journey_id),
    reason      TEXT        NOT NULL,
    placed_at   TIMESTAMPTZ NOT NULL,
    released_at TIMESTAMPTZ,
    released_by TEXT
);
CREATE UNIQUE INDEX safety_hold_one_active ON safety_hold (journey_id) WHERE released_at IS NULL;

-- Therapist inbox.
CREATE TABLE inbox_notification (
    notification_id TEXT        PRIMARY KEY,
    therapist_id    TEXT        NOT NULL,
    journey_id      TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    priority        TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    appointment_id  TEXT,
    due_at          TIMESTAMPTZ,
    issued_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ
);
CREATE INDEX inbox_notification_by_therapist ON inbox_notification (therapist_id, issued_at);
