-- A center's overrides of the default triage thresholds. Append-only: every save is a new version, so
-- the version recorded with a triage result always names the exact thresholds that produced it.
CREATE TABLE triage_threshold_override (
    center_id   UUID         NOT NULL,
    version     INTEGER      NOT NULL,
    thresholds  TEXT         NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (center_id, version)
);
