-- A patient's status in the program (issue 15). Only ACTIVE patients are reminded and alerted about missed check-ins;
-- a check-in is triaged and paged whatever the status.
ALTER TABLE patient ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE'
    CHECK (status IN ('ACTIVE', 'DISCHARGED', 'WITHDRAWN', 'DECEASED'));
ALTER TABLE patient ADD COLUMN status_reason VARCHAR(500);
ALTER TABLE patient ADD COLUMN status_changed_by VARCHAR(255);
ALTER TABLE patient ADD COLUMN status_changed_at TIMESTAMPTZ;

-- When the heartbeat next has to look at the patient: never later than their next check-in falls due, their reminder
-- or escalation is due, or their local day (and so possibly their phase) changes. Earlier is harmless: the heartbeat
-- recomputes and moves it on. It finds the patients to look at through this index instead of reading every patient.
ALTER TABLE patient ADD COLUMN heartbeat_at TIMESTAMPTZ;
UPDATE patient SET heartbeat_at = created_at;
ALTER TABLE patient ALTER COLUMN heartbeat_at SET NOT NULL;
CREATE INDEX patient_heartbeat_idx ON patient (heartbeat_at) WHERE status = 'ACTIVE';
