-- A membership that was ended: who belonged where, in which role, and who ended it when. The live row is deleted from
-- center_membership, so every access check and the on-call schedule stop counting the clinician at once.
CREATE TABLE center_membership_ended (
    center_id     UUID         NOT NULL REFERENCES center (id),
    clinician_id  UUID         NOT NULL REFERENCES clinician (id),
    role          VARCHAR(24)  NOT NULL,
    added_by      VARCHAR(255) NOT NULL,
    added_at      TIMESTAMPTZ  NOT NULL,
    ended_by      VARCHAR(255) NOT NULL,
    ended_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (center_id, clinician_id, ended_at)
);
