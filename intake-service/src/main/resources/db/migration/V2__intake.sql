-- intake-service: the only store of identifying patient data in Waypoint. Everything that leaves this
-- database on a topic is keyed by the pseudonymous journey_id and carries no identity or contact data.

CREATE TABLE journey (
    journey_id        TEXT        PRIMARY KEY,
    referral_id       TEXT        NOT NULL UNIQUE,
    site_id           TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    eligible          BOOLEAN,
    reasons           TEXT[]      NOT NULL DEFAULT '{}',
    protocol_profile  TEXT,
    protocol_version  TEXT,
    last_event_id     UUID,
    status_since      TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Identity and contact (PHI).
CREATE TABLE patient (
    journey_id   TEXT        PRIMARY KEY REFERENCES journey (journey_id),
    given_name   TEXT        NOT NULL,
    family_name  TEXT        NOT NULL,
    birth_date   DATE        NOT NULL,
    email        TEXT,
    phone        TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Who referred the patient, with the referrer's free-text note (PHI).
CREATE TABLE referral (
    journey_id             TEXT        PRIMARY KEY REFERENCES journey (journey_id),
    referrer_name          TEXT,
    referrer_organisation  TEXT,
    referral_note          TEXT,
    referred_at            TIMESTAMPTZ NOT NULL,
    received_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE screening (
    screening_id          UUID        PRIMARY KEY,
    journey_id            TEXT        NOT NULL REFERENCES journey (journey_id),
    occurred_at           TIMESTAMPTZ NOT NULL,
    age_years             INT         NOT NULL,
    ptsd_duration_months  INT         NOT NULL,
    caps5_total           INT         NOT NULL,
    cssrs_wish_to_be_dead     BOOLEAN NOT NULL,
    cssrs_active_thoughts     BOOLEAN NOT NULL,
    cssrs_method_thoughts     BOOLEAN NOT NULL,
    cssrs_intent              BOOLEAN NOT NULL,
    cssrs_plan_with_intent    BOOLEAN NOT NULL,
    cssrs_recent_behaviour    BOOLEAN NOT NULL,
    exclusion_codes       TEXT[]      NOT NULL,
    medication_classes    TEXT[]      NOT NULL,
    protocol_profile      TEXT        NOT NULL,
    protocol_version      TEXT        NOT NULL,
    eligible              BOOLEAN     NOT NULL,
    reasons               TEXT[]      NOT NULL
);
CREATE INDEX screening_journey ON screening (journey_id, occurred_at);

CREATE TABLE consent (
    journey_id             TEXT        PRIMARY KEY REFERENCES journey (journey_id),
    consent_form_version   TEXT        NOT NULL,
    overnight_stay_agreed  BOOLEAN     NOT NULL,
    recording_agreed       BOOLEAN     NOT NULL,
    occurred_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE enrollment (
    journey_id               TEXT        PRIMARY KEY REFERENCES journey (journey_id),
    baseline_caps5_total     INT         NOT NULL,
    baseline_at              TIMESTAMPTZ NOT NULL,
    pregnancy_test_required  BOOLEAN     NOT NULL,
    protocol_profile         TEXT        NOT NULL,
    protocol_version         TEXT        NOT NULL,
    occurred_at              TIMESTAMPTZ NOT NULL
);

CREATE TABLE withdrawal (
    journey_id   TEXT        PRIMARY KEY REFERENCES journey (journey_id),
    reason       TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL
);
