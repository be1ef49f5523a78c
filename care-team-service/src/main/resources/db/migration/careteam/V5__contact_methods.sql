-- How a clinician is woken when a level pages them: each method fires after its delay unless the alert is acknowledged
-- first. No rows: email to the clinician's address at once (the default of API.md).
CREATE TABLE clinician_contact_method (
    clinician_id   UUID         NOT NULL REFERENCES clinician (id),
    position       SMALLINT     NOT NULL,
    type           VARCHAR(8)   NOT NULL,
    address        VARCHAR(254) NOT NULL,
    delay_seconds  INTEGER      NOT NULL,
    PRIMARY KEY (clinician_id, position),
    CONSTRAINT contact_method_type CHECK (type IN ('EMAIL', 'SMS', 'VOICE')),
    CONSTRAINT contact_method_delay CHECK (delay_seconds BETWEEN 0 AND 3600),
    CONSTRAINT contact_method_once UNIQUE (clinician_id, type, address)
);
