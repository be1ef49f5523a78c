-- Invitations (API v1.1, issue 17): a patient is enrolled without knowing their identity-provider subject, and the patient
-- or a caregiver joins by accepting a single-use code with their own sign-in, which binds their subject.
ALTER TABLE patient ALTER COLUMN subject DROP NOT NULL;

CREATE TABLE invitation (
    id               UUID PRIMARY KEY,
    patient_id       UUID         NOT NULL REFERENCES patient (id),
    invited_as       VARCHAR(16)  NOT NULL CHECK (invited_as IN ('PATIENT', 'CAREGIVER')),
    -- Only the code's SHA-256 is kept: the code itself is shown once, and mailed.
    code_hash        CHAR(64)     NOT NULL,
    name             VARCHAR(120),
    relationship     VARCHAR(16),
    email            VARCHAR(254),
    phone            VARCHAR(32),
    created_by       VARCHAR(255) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    accepted_by      VARCHAR(255),
    accepted_at      TIMESTAMPTZ,
    withdrawn_by     VARCHAR(255),
    withdrawn_at     TIMESTAMPTZ,
    -- The invitation mail: the code waits here, and only here, until the mail server has taken it.
    mail_code        VARCHAR(32),
    mailed_at        TIMESTAMPTZ,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       VARCHAR(500),
    next_attempt_at  TIMESTAMPTZ,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT invitation_code_unique UNIQUE (code_hash),
    CONSTRAINT invitation_used_once CHECK (accepted_at IS NULL OR withdrawn_at IS NULL)
);
CREATE INDEX invitation_patient_idx ON invitation (patient_id, created_at);
CREATE INDEX invitation_mail_due_idx ON invitation (next_attempt_at) WHERE mailed_at IS NULL AND next_attempt_at IS NOT NULL;
