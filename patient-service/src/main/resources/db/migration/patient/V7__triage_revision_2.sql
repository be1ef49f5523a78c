-- clinical-rules.md §10.4: the new clinical-status inputs.
ALTER TABLE clinical_status
    ADD COLUMN platelets_date        DATE,
    ADD COLUMN baseline_spo2         INTEGER,
    ADD COLUMN baseline_systolic_bp  INTEGER,
    ADD COLUMN icaht_active          BOOLEAN,
    ADD COLUMN frail_or_comorbid     BOOLEAN;

-- Lab results as they were saved with the clinical status, one row per new value or date: the history
-- that "ANC below 1000 and falling" reads (§10.4). Append-only: a correction is a new row.
CREATE TABLE lab_result (
    id           UUID PRIMARY KEY,
    patient_id   UUID         NOT NULL REFERENCES patient (id),
    type         VARCHAR(16)  NOT NULL,
    value        INTEGER      NOT NULL,
    result_date  DATE,
    recorded_by  VARCHAR(255) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX lab_result_patient_idx ON lab_result (patient_id, type, recorded_at DESC, id DESC);

CREATE FUNCTION lab_result_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'lab_result is append-only';
END;
$$;
CREATE TRIGGER lab_result_append_only BEFORE UPDATE OR DELETE ON lab_result
    FOR EACH ROW EXECUTE FUNCTION lab_result_append_only();

-- A threshold override that makes a rule less strict than the default table carries its medical lead's
-- named approval (§10.4); the version row is never changed after it is written.
ALTER TABLE triage_threshold_override
    ADD COLUMN loosened         VARCHAR(2000),
    ADD COLUMN approved_by      VARCHAR(200),
    ADD COLUMN approval_reason  VARCHAR(1000);

-- obe-cel without a recorded second dose: one reminder to the center's coordinators per patient and local
-- day from day 13 (§10.4); the row is the claim, so every replica may run the pass.
CREATE TABLE second_dose_reminder (
    patient_id  UUID        NOT NULL REFERENCES patient (id),
    local_date  DATE        NOT NULL,
    sent_at     TIMESTAMPTZ,
    PRIMARY KEY (patient_id, local_date)
);
