-- The patient and their caregivers are told by SMS when their alert is acknowledged and when nobody answered. One row per
-- such moment, written in the transaction that acknowledged or exhausted the alert; a job asks patient-service for the
-- phones then (a caregiver removed since is not texted) and queues one SMS notification per phone.
CREATE TABLE patient_text (
    id               UUID PRIMARY KEY,
    alert_id         UUID          NOT NULL REFERENCES alert (id),
    purpose          VARCHAR(24)   NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    last_error       VARCHAR(500),
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT patient_text_status_ck CHECK (status IN ('PENDING', 'DONE'))
);
CREATE INDEX patient_text_due_idx ON patient_text (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX patient_text_alert_idx ON patient_text (alert_id);

ALTER TABLE notification ALTER COLUMN purpose TYPE VARCHAR(24);
