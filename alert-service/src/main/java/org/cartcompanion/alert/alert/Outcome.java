package org.cartcompanion.alert.alert;

/** How a clinician closed an alert; stored by name. */
public enum Outcome {
    ADVISED_SELF_CARE, PHONE_FOLLOW_UP, COME_TO_CENTER, DIRECT_ADMISSION, SENT_TO_ED, COMMUNITY_VISIT, FALSE_ALARM
}
