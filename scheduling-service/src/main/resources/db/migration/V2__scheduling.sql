-- Scheduling: roster, journeys' care teams, appointments, the dosing session record, safety holds.

CREATE TABLE therapist (
    therapist_id   TEXT        PRIMARY KEY,
    display_name   TEXT        NOT NULL,
    lead_qualified BOOLEAN     NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE room (
    room_id        TEXT        PRIMARY KEY,
    name           TEXT        NOT NULL,
    dosing_capable BOOLEAN     NOT NULL,
    overnight      BOOLEAN     NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per enrolled journey: its protocol and its care team, fixed for the whole journey.
CREATE TABLE journey_plan (
    journey_id              TEXT        PRIMARY KEY,
    protocol_profile        TEXT        NOT NULL,
    protocol_version        TEXT        NOT NULL,
    correlation_id          TEXT        NOT NULL,
    site_id                 TEXT        NOT NULL,
    pregnancy_test_required BOOLEAN     NOT NULL,
    baseline_at             TIMESTAMPTZ NOT NULL,
    enrolled_at             TIMESTAMPTZ NOT NULL,
    lead_therapist_id       TEXT        NOT NULL REFERENCES therapist (therapist_id),
    co_therapist_id         TEXT        NOT NULL REFERENCES therapist (therapist_id),
    withdrawn_at            TIMESTAMPTZ,
    completed_at            TIMESTAMPTZ,
    CHECK (lead_therapist_id <> co_therapist_id)
);

CREATE TABLE appointment (
    appointment_id      TEXT        PRIMARY KEY,
    journey_id          TEXT        NOT NULL REFERENCES journey_plan (journey_id),
    kind                TEXT        NOT NULL,
    sequence            INT         NOT NULL,
    dosing_number       INT,
    starts_at           TIMESTAMPTZ NOT NULL,
    ends_at             TIMESTAMPTZ NOT NULL,
    room_reserved_until TIMESTAMPTZ NOT NULL,
    room_id             TEXT        NOT NULL REFERENCES room (room_id),
    lead_therapist_id   TEXT        NOT NULL REFERENCES therapist (therapist_id),
    co_therapist_id     TEXT        NOT NULL REFERENCES therapist (therapist_id),
    status              TEXT        NOT NULL,
    checked_in_at       TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    status_reason       TEXT,
    overnight_stay      BOOLEAN,
    CHECK (ends_at > starts_at AND room_reserved_until >= ends_at)
);
-- one live booking per session of a course
CREATE UNIQUE INDEX appointment_session_once ON appointment (journey_id, kind, COALESCE(dosing_number, 0), sequence)
    WHERE status <> 'CANCELLED';
CREATE INDEX appointment_by_journey ON appointment (journey_id, starts_at);
CREATE INDEX appointment_by_room_reservation ON appointment (room_reserved_until);

-- Pre-dose checklists as recorded; the latest one decides whether the initial dose may be given.
CREATE TABLE pre_dose_check (
    id                                BIGSERIAL   PRIMARY KEY,
    appointment_id                    TEXT        NOT NULL REFERENCES appointment (appointment_id),
    checked_at                        TIMESTAMPTZ NOT NULL,
    pregnancy_test_negative           BOOLEAN,
    fasting_confirmed                 BOOLEAN     NOT NULL,
    contraindicated_medication_absent BOOLEAN     NOT NULL,
    cssrs_negative                    BOOLEAN     NOT NULL,
    systolic_mm_hg                    INT         NOT NULL,
    diastolic_mm_hg                   INT         NOT NULL,
    heart_rate_bpm                    INT         NOT NULL,
    temperature_celsius               NUMERIC(4, 1) NOT NULL,
    passed                            BOOLEAN     NOT NULL,
    failed_items                      TEXT        NOT NULL
);
CREATE INDEX pre_dose_check_by_appointment ON pre_dose_check (appointment_id, id);

-- Every dose given: also the controlled-substance chain-of-custody record.
CREATE TABLE dose (
    id              BIGSERIAL     PRIMARY KEY,
    appointment_id  TEXT          NOT NULL REFERENCES appointment (appointment_id),
    dose_kind       TEXT          NOT NULL,
    amount_mg       NUMERIC(7, 2) NOT NULL,
    administered_at TIMESTAMPTZ   NOT NULL,
    lot_number      TEXT          NOT NULL,
    dispensed_by    TEXT          NOT NULL,
    witnessed_by    TEXT,
    recorded_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX one_initial_dose_per_session ON dose (appointment_id) WHERE dose_kind = 'INITIAL';
CREATE INDEX dose_by_appointment ON dose (appointment_id, id);

CREATE TABLE vital_signs (
    id                         BIGSERIAL     PRIMARY KEY,
    appointment_id             TEXT          NOT NULL REFERENCES appointment (appointment_id),
    measured_at                TIMESTAMPTZ   NOT NULL,
    systolic_mm_hg             INT           NOT NULL,
    diastolic_mm_hg            INT           NOT NULL,
    heart_rate_bpm             INT           NOT NULL,
    temperature_celsius        NUMERIC(4, 1) NOT NULL,
    minutes_since_initial_dose INT,
    out_of_range               TEXT          NOT NULL
);
CREATE INDEX vital_signs_by_appointment ON vital_signs (appointment_id, id);

-- Safety holds placed by followup-service; an active one fails the pre-dose check.
CREATE TABLE safety_hold (
    hold_id     TEXT        PRIMARY KEY,
    journey_id  TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    placed_at   TIMESTAMPTZ NOT NULL,
    released_at TIMESTAMPTZ,
    released_by TEXT
);
CREATE INDEX safety_hold_active ON safety_hold (journey_id) WHERE released_at IS NULL;
