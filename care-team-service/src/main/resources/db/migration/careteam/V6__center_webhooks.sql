-- Each center's webhooks: where alert-service posts every alert's life (opened, escalated, acknowledged, resolved, nobody
-- answered), signed with the hook's own secret. The secret is made here, shown once to the coordinator who saved the hook,
-- and handed to alert-service with the center's paging directory (internal, service token only).
CREATE TABLE center_webhook (
    id          UUID PRIMARY KEY,
    center_id   UUID           NOT NULL REFERENCES center (id),
    position    SMALLINT       NOT NULL,
    url         VARCHAR(2000)  NOT NULL,
    events      VARCHAR(200)   NOT NULL,
    format      VARCHAR(16)    NOT NULL,
    secret      VARCHAR(64)    NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL,
    CONSTRAINT center_webhook_format_ck CHECK (format IN ('CLOUDEVENTS', 'SLACK', 'TEAMS')),
    CONSTRAINT center_webhook_url_uq UNIQUE (center_id, url)
);
CREATE INDEX center_webhook_center_idx ON center_webhook (center_id, position);
