-- The days after infusion at which the center proposes handing a patient to community care.
ALTER TABLE center ADD COLUMN shared_care_day INT NOT NULL DEFAULT 14;
ALTER TABLE center ADD COLUMN community_led_day INT NOT NULL DEFAULT 100;

-- On-call rotations in the center's time zone: the turn passes to the next member every length_days at handoff_time.
CREATE TABLE rotation (
    id            UUID PRIMARY KEY,
    center_id     UUID         NOT NULL REFERENCES center (id),
    tier          VARCHAR(16)  NOT NULL,
    start_date    DATE         NOT NULL,
    handoff_time  TIME         NOT NULL,
    length_days   INT          NOT NULL CHECK (length_days BETWEEN 1 AND 365),
    end_date      DATE,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX rotation_center_idx ON rotation (center_id);

CREATE TABLE rotation_member (
    rotation_id   UUID NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
    position      INT  NOT NULL,
    clinician_id  UUID NOT NULL REFERENCES clinician (id),
    PRIMARY KEY (rotation_id, position)
);

-- One-off shifts override their tier's rotation while they last. Overlaps within a tier are refused by the service,
-- which locks the center row while it checks.
CREATE TABLE shift (
    id            UUID PRIMARY KEY,
    center_id     UUID         NOT NULL REFERENCES center (id),
    clinician_id  UUID         NOT NULL REFERENCES clinician (id),
    tier          VARCHAR(16)  NOT NULL,
    starts_at     TIMESTAMPTZ  NOT NULL,
    ends_at       TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX shift_center_idx ON shift (center_id, ends_at);

-- Who shares a patient's care, and which phase of the hybrid model the patient is in.
CREATE TABLE care_team (
    patient_id     UUID PRIMARY KEY,
    center_id      UUID         NOT NULL REFERENCES center (id),
    phase          VARCHAR(16)  NOT NULL,
    -- Copied from patient-service when the team is saved: when hand-offs fall due.
    infusion_date  DATE,
    time_zone      VARCHAR(64),
    updated_by     VARCHAR(255) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX care_team_center_idx ON care_team (center_id);

CREATE TABLE care_team_member (
    patient_id    UUID        NOT NULL REFERENCES care_team (patient_id) ON DELETE CASCADE,
    clinician_id  UUID        NOT NULL REFERENCES clinician (id),
    role          VARCHAR(24) NOT NULL,
    PRIMARY KEY (patient_id, clinician_id)
);
CREATE INDEX care_team_member_clinician_idx ON care_team_member (clinician_id);

-- Hand-offs: the only way responsibility moves to the community. clinical_summary is the JSON the receiver reads.
CREATE TABLE handoff (
    id                   UUID PRIMARY KEY,
    patient_id           UUID         NOT NULL,
    center_id            UUID         NOT NULL REFERENCES center (id),
    to_clinician_id      UUID         NOT NULL REFERENCES clinician (id),
    from_phase           VARCHAR(16)  NOT NULL,
    to_phase             VARCHAR(16)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    summary              TEXT         NOT NULL,
    clinical_summary     TEXT         NOT NULL,
    decline_reason       TEXT,
    created_by           VARCHAR(255) NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    reminded_at          TIMESTAMPTZ,
    decided_by           VARCHAR(255),
    decided_at           TIMESTAMPTZ,
    version              BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX handoff_one_pending_per_patient ON handoff (patient_id) WHERE status = 'PENDING';
CREATE INDEX handoff_pending_idx ON handoff (created_at) WHERE status = 'PENDING';
CREATE INDEX handoff_receiver_idx ON handoff (to_clinician_id, created_at);
CREATE INDEX handoff_center_idx ON handoff (center_id, created_at);

-- That the coordinators were told a patient reached a hand-off day, so they are told once.
CREATE TABLE handoff_proposal (
    patient_id   UUID        NOT NULL,
    to_phase     VARCHAR(16) NOT NULL,
    proposed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (patient_id, to_phase)
);

-- Mail waits here, written in the transaction that decided to send it, until the relay accepts it.
CREATE TABLE mail_outbox (
    id               UUID PRIMARY KEY,
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(200) NOT NULL,
    text_body        TEXT         NOT NULL,
    html_body        TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    last_error       VARCHAR(500),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
