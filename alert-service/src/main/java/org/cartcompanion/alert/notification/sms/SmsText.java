package org.cartcompanion.alert.notification.sms;

import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.service.Page;

/**
 * What an SMS and a voice call say: the disposition, the day after infusion and the center's line, never the patient's name
 * (both show on a lock screen or are heard by whoever picks up).
 */
final class SmsText {

    private SmsText() {
    }

    /**
     * The SMS; pages that ask for an acknowledgement end with the code to reply with. The patient's own texts say what the
     * phone app says, in their language.
     */
    static String sms(Page page, String code) {
        String what = page.disposition() + ", day " + page.dayPostInfusion() + " after CAR-T infusion";
        String line = page.centerPhone() == null || page.centerPhone().isBlank() ? ""
                : " Center line " + page.centerPhone() + ".";
        String reply = " Reply " + code + " to acknowledge.";
        return switch (page.purpose()) {
        case PAGE -> "CAR-T alert (level " + page.level() + "): " + what + "." + line + reply;
        case RENOTIFY -> "CAR-T alert WORSE: " + what + "." + line + reply;
        case COPY -> "Copy of CAR-T alert: " + what + "; the community physician is paged." + line + reply;
        case FALLBACK -> "NO ANSWER to CAR-T alert: " + what + ". Nobody has acknowledged." + line + reply;
        case ACK_REMINDER -> "Reminder: the CAR-T alert you acknowledged (" + what + ") is not resolved. Resolve it in the "
                + "console.";
        case PATIENT_ACK, PATIENT_NO_ANSWER -> "CAR-T Companion: " + page.patientText();
        case TEST -> Page.TEST_TEXT;
        };
    }

    /** The words of a call, said twice; pages that ask for an acknowledgement ask to press 1. */
    static String spoken(Page page) {
        if (page.purpose().toPatient()) {
            return "This is CAR-T Companion. " + page.patientText();
        }
        if (page.purpose() == Purpose.TEST) {
            return Page.TEST_TEXT;
        }
        String what = spell(page.disposition()) + ", day " + page.dayPostInfusion() + " after CAR-T infusion.";
        String intro = switch (page.purpose()) {
        case PAGE -> "This is CAR-T Companion. A patient of your CAR-T center needs a clinician: ";
        case RENOTIFY -> "This is CAR-T Companion. A patient's check-in got worse: ";
        case COPY -> "This is CAR-T Companion. For your information, the community physician is paged for ";
        case FALLBACK -> "This is CAR-T Companion. Nobody has acknowledged an alert: ";
        case ACK_REMINDER -> "This is CAR-T Companion. An alert you acknowledged is not resolved: ";
        case PATIENT_ACK, PATIENT_NO_ANSWER, TEST -> throw new IllegalStateException("said above");
        };
        return intro + what + (page.purpose().wantsAcknowledgement() || page.purpose() == Purpose.COPY
                ? " Press 1 to acknowledge." : " Please resolve it in the console.");
    }

    /** CENTER_NOW as "center now", so a speech engine says words. */
    private static String spell(String code) {
        return code == null ? "" : code.replace('_', ' ').toLowerCase();
    }
}
