package org.cartcompanion.careteam.clinician.rest;

/** Phone numbers are stored in E.164 so that they can be dialled as shown. */
public final class PhoneNumbers {

    public static final String E164 = "^\\+[1-9][0-9]{6,14}$";

    private PhoneNumbers() {
    }
}
