package org.cartcompanion.alert.notification.service;

import java.util.List;
import java.util.UUID;

import org.cartcompanion.alert.notification.Purpose;

/**
 * What a notification says, whatever the channel: the clinical context of the alert (never the patient's name), the patient's
 * phone, and where to acknowledge. Channels render it their own way.
 */
public record Page(UUID alertId, UUID notificationId, Purpose purpose, String recipientName, String address, String disposition,
        int dayPostInfusion,
        String phase, String product, String summary, List<String> firedRules, String patientPhone, String centerPhone,
        int level, String ackUrl, String consoleUrl, String status, String acknowledgedBy, String patientText) {

    /** What a test page says, on every channel. */
    public static final String TEST_TEXT = "This is a test page from CAR-T Companion: this is how you will be paged when a "
            + "patient needs you. No reply or action is needed.";

    /** A clinician's test of one of their contact methods: no alert, no acknowledgement. */
    public static Page test(String recipientName, String address) {
        return new Page(null, null, Purpose.TEST, recipientName, address, null, 0, null, null, null, List.of(), null, null, 0,
                null, null, null, null, null);
    }

    /** The subject: disposition and day after infusion, no name (it shows on lock screens). */
    public String subject() {
        String what = disposition + ", day " + dayPostInfusion + " after CAR-T infusion";
        return switch (purpose) {
        case PAGE -> "CAR-T alert: " + what + " - please acknowledge";
        case COPY -> "Copy of CAR-T alert: " + what;
        case RENOTIFY -> "CAR-T alert WORSE: " + what + " - please acknowledge";
        case ACK_REMINDER -> "Reminder: acknowledged CAR-T alert not resolved (" + what + ")";
        case FALLBACK -> "NO ANSWER to CAR-T alert: " + what + " - nobody has acknowledged";
        case PATIENT_ACK, PATIENT_NO_ANSWER -> "CAR-T Companion: about your alert";
        case TEST -> "CAR-T Companion test page";
        };
    }

    public String intro() {
        return switch (purpose) {
        case PAGE -> "A patient of your CAR-T center needs a clinician. You are paged at level " + level + ".";
        case COPY -> "For your information: the patient's community physician has been paged; you are copied as the "
                + "center's on-call. Acknowledge if you take it.";
        case RENOTIFY -> "The patient's latest check-in is worse than the one you were paged for.";
        case ACK_REMINDER -> "You acknowledged this alert and it is not resolved yet. Please call the patient and "
                + "resolve it with an outcome; if nobody does, the chain starts again.";
        case FALLBACK -> "Nobody on the escalation chain has acknowledged this alert. Please find a clinician now.";
        case PATIENT_ACK, PATIENT_NO_ANSWER -> patientText;
        case TEST -> TEST_TEXT;
        };
    }

    public boolean hasAckLink() {
        return ackUrl != null;
    }

    public String firedRulesText() {
        return firedRules == null || firedRules.isEmpty() ? "-" : String.join(", ", firedRules);
    }

    public String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
