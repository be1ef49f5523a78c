-- Every durable-work ledger keeps the same error length (service-support Failure.MAX_ERROR); the relay wrote longer texts
-- than this column held.
ALTER TABLE outbox_event ALTER COLUMN last_error TYPE VARCHAR(500);
