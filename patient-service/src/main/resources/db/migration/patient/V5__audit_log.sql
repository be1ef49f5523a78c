-- Who read or wrote which patient's data, and when. Append-only; ids and paths only, never values.
CREATE TABLE audit_event (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(255),
    roles        VARCHAR(200) NOT NULL,
    action       VARCHAR(120) NOT NULL,
    method       VARCHAR(10)  NOT NULL,
    path         VARCHAR(300) NOT NULL,
    patient_id   UUID,
    status       INTEGER      NOT NULL
);
CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at);
