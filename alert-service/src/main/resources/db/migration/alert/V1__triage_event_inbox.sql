-- Triage events received from patient-service. The event id is the key, so a redelivered event
-- (the sender retries until it hears back) is stored once.
CREATE TABLE triage_event (
    event_id           UUID PRIMARY KEY,
    patient_id         UUID          NOT NULL,
    center_id          UUID          NOT NULL,
    check_in_id        UUID,
    disposition        VARCHAR(16)   NOT NULL,
    fired_rules        VARCHAR(2000) NOT NULL,
    day_post_infusion  INTEGER       NOT NULL,
    phase              VARCHAR(16)   NOT NULL,
    summary            VARCHAR(2000),
    occurred_at        TIMESTAMPTZ   NOT NULL,
    received_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX triage_event_patient_idx ON triage_event (patient_id, occurred_at);
