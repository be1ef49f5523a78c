package org.cartcompanion.careteam.clinician;

/** How a page reaches a clinician; stored by name. */
public enum ContactMethodType {
    EMAIL, SMS, VOICE
}
