-- Web push (issue 20): the browsers that asked for reminders, by the user (subject) who signed in there. A browser's
-- endpoint is unique to it; the keys are its own (RFC 8291), the service needs no secret of the browser's.
CREATE TABLE push_subscription (
    id         uuid PRIMARY KEY,
    subject    text        NOT NULL,
    endpoint   text        NOT NULL UNIQUE,
    p256dh     text        NOT NULL,
    auth       text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX push_subscription_subject_idx ON push_subscription (subject);
