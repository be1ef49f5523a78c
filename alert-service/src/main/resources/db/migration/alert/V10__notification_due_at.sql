-- When a notification was meant to leave (issue 19): the step's due time (the triage event's intake for an alert's first
-- pages) plus the contact method's delay. Retries move next_attempt_at; this stays, so "due → sent" is how late a page was,
-- and the oldest pending row's due_at is how long the oldest page has waited. Rows from before have none.
ALTER TABLE notification ADD COLUMN due_at TIMESTAMPTZ;
