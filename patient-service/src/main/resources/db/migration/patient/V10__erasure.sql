-- A withdrawn patient's identifying data erased on request (issue 15): when and by whom. The infection records, labs and
-- check-ins stay, keyed by the patient's id only, for registry reporting.
ALTER TABLE patient ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE patient ADD COLUMN erased_by VARCHAR(255);
