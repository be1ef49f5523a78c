-- Clinicians choose how they are woken: every method (email, SMS, voice call) of every recipient is its own notification,
-- due its delay after the page. A send the provider refuses for good (an invalid number) is FAILED, never retried; the
-- recipient's other methods and the next level go on.
ALTER TABLE notification DROP CONSTRAINT notification_status_ck;
ALTER TABLE notification ADD CONSTRAINT notification_status_ck
    CHECK (status IN ('PENDING', 'SENT', 'CANCELLED', 'FAILED'));
ALTER TABLE notification ADD CONSTRAINT notification_channel_ck CHECK (channel IN ('EMAIL', 'SMS', 'VOICE'));
-- The provider's id of a sent SMS or call (its message or call SID).
ALTER TABLE notification ADD COLUMN provider_id VARCHAR(64);
-- A reply by SMS or a call's answer is matched to the pages sent to that number.
CREATE INDEX notification_phone_idx ON notification (address, created_at) WHERE channel IN ('SMS', 'VOICE');

-- The stored paging directory keeps each person's contact methods (one per line: TYPE delay-seconds address), so that
-- paging from it while care-team-service is down wakes people the way they chose.
ALTER TABLE directory_on_call ADD COLUMN contact_methods VARCHAR(4000);
ALTER TABLE directory_clinician ADD COLUMN contact_methods VARCHAR(4000);
