-- The patient's time zone, so the phone's status message gives times the patient reads as local.
ALTER TABLE alert ADD COLUMN time_zone VARCHAR(64);
