-- What this service keeps to page a center on its own while care-team-service cannot answer: the center's contact, who
-- holds each on-call tier over the next 48 hours, and the clinicians the center knows. Refreshed from care-team-service on a
-- timer and when it changes; replaced whole on each refresh (valid_from orders refreshes: an older answer never overwrites a
-- newer one).
CREATE TABLE center_directory (
    center_id      UUID PRIMARY KEY,
    name           VARCHAR(200),
    time_zone      VARCHAR(64),
    phone          VARCHAR(20),
    hotline_email  VARCHAR(320),
    valid_from     TIMESTAMPTZ  NOT NULL,
    valid_until    TIMESTAMPTZ  NOT NULL,
    refreshed_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE directory_on_call (
    id             UUID PRIMARY KEY,
    center_id      UUID          NOT NULL REFERENCES center_directory (center_id) ON DELETE CASCADE,
    tier           VARCHAR(16)   NOT NULL,
    starts_at      TIMESTAMPTZ   NOT NULL,
    ends_at        TIMESTAMPTZ   NOT NULL,
    clinician_id   UUID          NOT NULL,
    name           VARCHAR(200),
    email          VARCHAR(320),
    phone          VARCHAR(20)
);
CREATE INDEX directory_on_call_idx ON directory_on_call (center_id, tier, starts_at);

CREATE TABLE directory_clinician (
    id             UUID PRIMARY KEY,
    center_id      UUID          NOT NULL REFERENCES center_directory (center_id) ON DELETE CASCADE,
    clinician_id   UUID          NOT NULL,
    name           VARCHAR(200),
    email          VARCHAR(320),
    phone          VARCHAR(20),
    CONSTRAINT directory_clinician_uq UNIQUE (center_id, clinician_id)
);

-- A step that fails (routing unavailable with nothing stored, or an error) backs off on its own alert: step_attempts and
-- step_failing_since count the failures since the last step taken; after a few, or a minute, the fallback is paged
-- (failure_fallback_at, once per run of failures). overdue_flagged_at marks an alert the overdue scan has reported.
ALTER TABLE alert RENAME COLUMN routing_wait_since TO step_failing_since;
ALTER TABLE alert ADD COLUMN step_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN step_error VARCHAR(500);
ALTER TABLE alert ADD COLUMN failure_fallback_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN overdue_flagged_at TIMESTAMPTZ;
CREATE INDEX alert_overdue_idx ON alert (COALESCE(step_failing_since, next_step_at))
    WHERE next_step_at IS NOT NULL AND overdue_flagged_at IS NULL;
