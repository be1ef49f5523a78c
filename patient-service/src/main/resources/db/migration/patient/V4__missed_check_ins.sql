-- One row per missed check-in (patient, the time it was due): the reminder and the escalation each
-- happen once, whichever replica gets there first.
CREATE TABLE missed_check_in (
    patient_id    UUID        NOT NULL REFERENCES patient (id),
    due_at        TIMESTAMPTZ NOT NULL,
    reminded_at   TIMESTAMPTZ NOT NULL,
    escalated_at  TIMESTAMPTZ,
    PRIMARY KEY (patient_id, due_at)
);
