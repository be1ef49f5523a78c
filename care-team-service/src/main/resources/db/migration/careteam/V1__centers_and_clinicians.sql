-- CAR-T centers, the clinicians known to them, and who belongs to which center.
CREATE TABLE center (
    id             UUID PRIMARY KEY,
    name           VARCHAR(160) NOT NULL,
    time_zone      VARCHAR(64)  NOT NULL,
    phone          VARCHAR(32)  NOT NULL,
    hotline_email  VARCHAR(254) NOT NULL,
    created_by     VARCHAR(255) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX center_created_idx ON center (created_at, id);

-- A person who takes care of patients: center staff, or a community physician from an outside practice.
CREATE TABLE clinician (
    id          UUID PRIMARY KEY,
    subject     VARCHAR(255) NOT NULL,
    name        VARCHAR(120) NOT NULL,
    email       VARCHAR(254) NOT NULL,
    phone       VARCHAR(32),
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT clinician_subject_unique UNIQUE (subject)
);

-- role COMMUNITY_PHYSICIAN makes a clinician known to the center without making them staff.
CREATE TABLE center_membership (
    center_id     UUID         NOT NULL REFERENCES center (id),
    clinician_id  UUID         NOT NULL REFERENCES clinician (id),
    role          VARCHAR(24)  NOT NULL,
    added_by      VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (center_id, clinician_id)
);
CREATE INDEX center_membership_clinician_idx ON center_membership (clinician_id);
