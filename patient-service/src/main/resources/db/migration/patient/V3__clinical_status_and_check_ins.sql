-- The center-kept clinical status the triage rules read; one row per patient, absent fields unknown.
CREATE TABLE clinical_status (
    patient_id                UUID PRIMARY KEY REFERENCES patient (id),
    anc_per_ul                INTEGER,
    anc_date                  DATE,
    platelets_per_ul          INTEGER,
    igg_mg_dl                 INTEGER,
    igg_date                  DATE,
    ivig_last_date            DATE,
    cd4_per_ul                INTEGER,
    steroids_last_date        DATE,
    tocilizumab_last_date     DATE,
    max_crs_grade             INTEGER,
    max_icans_grade           INTEGER,
    iec_hs_history            BOOLEAN,
    prophylaxis_antibacterial BOOLEAN,
    prophylaxis_antiviral     BOOLEAN,
    prophylaxis_pjp           BOOLEAN,
    prophylaxis_antifungal    BOOLEAN,
    central_line              BOOLEAN,
    caregiver_present         BOOLEAN,
    prior_lines               INTEGER,
    prior_allo_hct            BOOLEAN,
    baseline_ice_score        INTEGER,
    travel_minutes_to_center  INTEGER,
    updated_by                VARCHAR(255) NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    version                   BIGINT       NOT NULL DEFAULT 0
);

-- A check-in and its triage. (patient_id, idempotency_key) is unique, so a retried request can never
-- store a second check-in, even when two copies arrive at the same instant.
CREATE TABLE check_in (
    id                   UUID PRIMARY KEY,
    patient_id           UUID          NOT NULL REFERENCES patient (id),
    idempotency_key      VARCHAR(64)   NOT NULL,
    request_hash         VARCHAR(64)   NOT NULL,
    reported_by          VARCHAR(16)   NOT NULL,
    reporter_subject     VARCHAR(255)  NOT NULL,
    recorded_at          TIMESTAMPTZ   NOT NULL,
    received_at          TIMESTAMPTZ   NOT NULL,
    temperature_value    NUMERIC(5, 2),
    temperature_unit     VARCHAR(1),
    temperature_method   VARCHAR(16),
    temperature_c        NUMERIC(5, 2),
    antipyretic_last_6h  BOOLEAN,
    spo2                 INTEGER,
    heart_rate           INTEGER,
    systolic_bp          INTEGER,
    respiratory_rate     INTEGER,
    symptoms             VARCHAR(1200) NOT NULL,
    stools_above_baseline INTEGER,
    ice_score            INTEGER,
    note                 VARCHAR(1000),
    day_post_infusion    INTEGER       NOT NULL,
    phase                VARCHAR(16)   NOT NULL,
    disposition          VARCHAR(16)   NOT NULL,
    fired_rules          VARCHAR(2000) NOT NULL,
    rule_set_version     VARCHAR(120)  NOT NULL,
    instructions         VARCHAR(2000) NOT NULL,
    call_number          VARCHAR(32),
    alert_requested      BOOLEAN       NOT NULL,
    CONSTRAINT check_in_idempotency_unique UNIQUE (patient_id, idempotency_key)
);
CREATE INDEX check_in_patient_recorded_idx ON check_in (patient_id, recorded_at DESC, id DESC);

-- Events for other services, written in the same transaction as the change they announce and
-- delivered by the relay until the receiver confirms.
CREATE TABLE outbox_event (
    id               UUID PRIMARY KEY,
    event_type       VARCHAR(40)   NOT NULL,
    aggregate_id     UUID          NOT NULL,
    payload          TEXT          NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    delivered_at     TIMESTAMPTZ,
    last_error       VARCHAR(300)
);
CREATE INDEX outbox_event_due_idx ON outbox_event (next_attempt_at) WHERE delivered_at IS NULL;
