-- Escalation policies: one per center; a center without a row uses the default (primary 5 min, backup 5 min, repeat 1).
-- The document is the validated policy as JSON; each save is a new version.
CREATE TABLE escalation_policy (
    center_id   UUID PRIMARY KEY,
    document    TEXT         NOT NULL,
    version     INTEGER      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    updated_by  VARCHAR(255) NOT NULL
);

-- Alerts: one open alert per patient episode, enforced by the partial unique index below (concurrent intakes on several
-- replicas cannot open two). The policy is copied onto the alert when it opens. next_step_at is the escalation timer the
-- pollers look for: timers are rows, so escalation survives restarts.
CREATE TABLE alert (
    id                     UUID PRIMARY KEY,
    patient_id             UUID          NOT NULL,
    center_id              UUID          NOT NULL,
    disposition            VARCHAR(16)   NOT NULL,
    raised_from            VARCHAR(16),
    status                 VARCHAR(16)   NOT NULL,
    responsible            VARCHAR(16),
    level                  INTEGER       NOT NULL,
    cycle                  INTEGER       NOT NULL,
    due_at                 TIMESTAMPTZ,
    next_step_at           TIMESTAMPTZ,
    -- Set while a due step waits for care-team-service to say who is on call.
    routing_wait_since     TIMESTAMPTZ,
    ack_reminded           BOOLEAN       NOT NULL,
    policy                 TEXT          NOT NULL,
    policy_version         INTEGER       NOT NULL,
    opened_at              TIMESTAMPTZ   NOT NULL,
    last_event_at          TIMESTAMPTZ   NOT NULL,
    acknowledged_at        TIMESTAMPTZ,
    acknowledged_by        VARCHAR(255),
    acknowledged_by_name   VARCHAR(200),
    acknowledger_id        UUID,
    acknowledger_email     VARCHAR(320),
    resolved_at            TIMESTAMPTZ,
    resolved_by            VARCHAR(255),
    outcome                VARCHAR(24),
    resolution_note        VARCHAR(2000),
    day_post_infusion      INTEGER       NOT NULL,
    phase                  VARCHAR(16)   NOT NULL,
    product                VARCHAR(16),
    patient_phone          VARCHAR(20),
    language               VARCHAR(2)    NOT NULL,
    summary                VARCHAR(2000),
    fired_rules            VARCHAR(2000) NOT NULL,
    center_phone           VARCHAR(20),
    fallback_email         VARCHAR(320),
    version                INTEGER       NOT NULL,
    CONSTRAINT alert_status_ck CHECK (status IN ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED', 'EXHAUSTED'))
);
CREATE UNIQUE INDEX alert_one_open_per_patient ON alert (patient_id) WHERE status <> 'RESOLVED';
CREATE INDEX alert_due_idx ON alert (next_step_at) WHERE next_step_at IS NOT NULL;
CREATE INDEX alert_center_idx ON alert (center_id, opened_at DESC, id DESC);
CREATE INDEX alert_patient_idx ON alert (patient_id, opened_at DESC, id DESC);

ALTER TABLE triage_event ADD COLUMN alert_id UUID REFERENCES alert (id);
CREATE INDEX triage_event_alert_idx ON triage_event (alert_id, occurred_at);

-- The timeline: every state change and every notification attempt, append-only.
CREATE TABLE alert_timeline (
    id         UUID PRIMARY KEY,
    alert_id   UUID          NOT NULL REFERENCES alert (id),
    at         TIMESTAMPTZ   NOT NULL,
    seq        BIGSERIAL     NOT NULL,
    type       VARCHAR(32)   NOT NULL,
    detail     VARCHAR(2000) NOT NULL
);
CREATE INDEX alert_timeline_alert_idx ON alert_timeline (alert_id, seq);

-- One row per recipient and channel. Rows are claimed by the dispatchers with FOR UPDATE SKIP LOCKED and retried with
-- backoff until the channel accepts them; a page that is no longer wanted (the alert was acknowledged) is cancelled.
CREATE TABLE notification (
    id               UUID PRIMARY KEY,
    alert_id         UUID          NOT NULL REFERENCES alert (id),
    purpose          VARCHAR(16)   NOT NULL,
    level            INTEGER       NOT NULL,
    cycle            INTEGER       NOT NULL,
    channel          VARCHAR(8)    NOT NULL,
    clinician_id     UUID,
    recipient_name   VARCHAR(200),
    address          VARCHAR(320)  NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMPTZ,
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ   NOT NULL,
    sent_at          TIMESTAMPTZ,
    CONSTRAINT notification_status_ck CHECK (status IN ('PENDING', 'SENT', 'CANCELLED'))
);
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_alert_idx ON notification (alert_id);
CREATE INDEX notification_clinician_idx ON notification (clinician_id, alert_id) WHERE clinician_id IS NOT NULL;

-- One-click acknowledge links: the link carries a signed token naming this row; the row makes it single-use.
CREATE TABLE ack_link (
    id               UUID PRIMARY KEY,
    alert_id         UUID          NOT NULL REFERENCES alert (id),
    notification_id  UUID          NOT NULL REFERENCES notification (id),
    clinician_id     UUID,
    recipient_name   VARCHAR(200),
    expires_at       TIMESTAMPTZ   NOT NULL,
    used_at          TIMESTAMPTZ
);
CREATE INDEX ack_link_alert_idx ON ack_link (alert_id);
