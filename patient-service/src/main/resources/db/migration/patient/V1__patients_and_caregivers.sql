-- Patients enrolled by their CAR-T center, and the caregivers linked to them.
CREATE TABLE patient (
    id                UUID PRIMARY KEY,
    center_id         UUID         NOT NULL,
    subject           VARCHAR(255) NOT NULL,
    display_name      VARCHAR(120) NOT NULL,
    birth_year        INTEGER      NOT NULL,
    time_zone         VARCHAR(64)  NOT NULL,
    infusion_date     DATE         NOT NULL,
    second_dose_date  DATE,
    product           VARCHAR(16)  NOT NULL,
    disease           VARCHAR(16)  NOT NULL,
    external_id       VARCHAR(64),
    phone             VARCHAR(32),
    email             VARCHAR(254),
    language          VARCHAR(2)   NOT NULL,
    enrolled_by       VARCHAR(255) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT patient_subject_unique UNIQUE (subject),
    CONSTRAINT patient_external_id_unique UNIQUE (center_id, external_id)
);
CREATE INDEX patient_center_idx ON patient (center_id, created_at, id);

CREATE TABLE caregiver_link (
    id            UUID PRIMARY KEY,
    patient_id    UUID         NOT NULL REFERENCES patient (id),
    subject       VARCHAR(255) NOT NULL,
    name          VARCHAR(120) NOT NULL,
    relationship  VARCHAR(16)  NOT NULL,
    email         VARCHAR(254),
    phone         VARCHAR(32),
    linked_by     VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT caregiver_link_unique UNIQUE (patient_id, subject)
);
CREATE INDEX caregiver_link_subject_idx ON caregiver_link (subject);
