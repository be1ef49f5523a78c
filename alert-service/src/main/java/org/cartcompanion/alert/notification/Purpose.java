package org.cartcompanion.alert.notification;

/** Why a notification is sent; stored by name. */
public enum Purpose {
    /** A level of the chain asks its targets to acknowledge. */
    PAGE,
    /** Told, not asked: the center's primary on-call when a community physician is paged. */
    COPY,
    /** The check-in got worse: the people already paged hear it at once. */
    RENOTIFY,
    /** Acknowledged but not resolved within the window: the acknowledger is reminded. */
    ACK_REMINDER,
    /** Nobody answered the chain: the center's fallback (hotline) address. */
    FALLBACK,
    /** To the patient and caregivers: a clinician acknowledged their alert and will call. */
    PATIENT_ACK,
    /** To the patient and caregivers: nobody answered; call the center or go to the emergency department. */
    PATIENT_NO_ANSWER,
    /** A clinician's own test of their contact methods; no alert. */
    TEST;

    /** Asks for an acknowledgement, so it is pointless (and must not be sent) once the alert is acknowledged. */
    public boolean wantsAcknowledgement() {
        return this == PAGE || this == RENOTIFY || this == FALLBACK;
    }

    /** Told to the patient and their caregivers, not to clinicians. */
    public boolean toPatient() {
        return this == PATIENT_ACK || this == PATIENT_NO_ANSWER;
    }
}
