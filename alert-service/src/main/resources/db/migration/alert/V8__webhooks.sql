-- A center's webhooks, as care-team-service hands them over with the paging directory (secrets included: this service
-- signs with them), and every event posted to them: written in the transaction of the change it reports, with the body as
-- it will be posted, then sent by a dispatcher (retried with backoff, each attempt on the alert's timeline).
CREATE TABLE directory_webhook (
    id          UUID PRIMARY KEY,
    center_id   UUID           NOT NULL REFERENCES center_directory (center_id) ON DELETE CASCADE,
    url         VARCHAR(2000)  NOT NULL,
    events      VARCHAR(200)   NOT NULL,
    format      VARCHAR(16)    NOT NULL,
    secret      VARCHAR(64)    NOT NULL
);
CREATE INDEX directory_webhook_center_idx ON directory_webhook (center_id);

CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    alert_id         UUID           NOT NULL REFERENCES alert (id),
    center_id        UUID           NOT NULL,
    webhook_id       UUID           NOT NULL,
    event            VARCHAR(24)    NOT NULL,
    url              VARCHAR(2000)  NOT NULL,
    format           VARCHAR(16)    NOT NULL,
    body             TEXT           NOT NULL,
    status           VARCHAR(12)    NOT NULL,
    attempts         INTEGER        NOT NULL,
    last_error       VARCHAR(500),
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ    NOT NULL,
    sent_at          TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'))
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_alert_idx ON webhook_delivery (alert_id);
