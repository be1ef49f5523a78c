package org.cartcompanion.alert.alert;

/** What a line of an alert's timeline records; stored and shown by name. */
public enum TimelineType {
    /** The alert was opened by a triage event. */
    OPENED,
    /** A further triage event of the same episode was added to the open alert. */
    EVENT_APPENDED,
    /** A worse check-in raised the alert's disposition. */
    DISPOSITION_RAISED,
    /** An escalation level fired. */
    LEVEL_PAGED,
    /** The chain of levels started over. */
    CHAIN_REPEATED,
    /** Every level and repeat went unacknowledged. */
    EXHAUSTED,
    /** The fallback address was paged. */
    FALLBACK_PAGED,
    /** A clinician acknowledged. */
    ACKNOWLEDGED,
    /** The acknowledger was reminded that the alert is still open. */
    ACK_REMINDER,
    /** The acknowledgement lapsed; escalation resumed. */
    UNACKNOWLEDGED,
    /** A clinician resolved the alert. */
    RESOLVED,
    /** A notification was queued for a recipient. */
    NOTIFICATION_QUEUED,
    /** A target named nobody who can be paged; the fallback is paged instead. */
    NO_RECIPIENT,
    /** Nobody could be named for too long; the fallback is paged in their place. */
    ROUTING_UNAVAILABLE,
    /** care-team-service could not answer; the stored directory named who is paged. */
    STORED_DIRECTORY_USED,
    /** A step could not name anybody yet and is retried shortly. */
    STEP_RETRYING,
    /** A step failed with an error and is retried. */
    STEP_FAILED,
    /** A step is late beyond the overdue threshold. */
    STEP_OVERDUE,
    /** A notification went out. */
    NOTIFIED,
    /** A notification attempt failed and is retried. */
    NOTIFICATION_FAILED,
    /** A notification no longer wanted was not sent. */
    NOTIFICATION_CANCELLED,
    /** An event of the alert's life reached one of its center's webhooks. */
    WEBHOOK_SENT,
    /** Posting an event to a webhook failed (retried, or given up). */
    WEBHOOK_FAILED
}
