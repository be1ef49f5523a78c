-- The provider's callbacks that acknowledged (an SMS reply's MessageSid, a call's CallSid with the key pressed): a signed
-- request captured and sent again acknowledges nothing a second time.
CREATE TABLE provider_callback (
    id           VARCHAR(100) PRIMARY KEY,
    received_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX provider_callback_received_idx ON provider_callback (received_at);
