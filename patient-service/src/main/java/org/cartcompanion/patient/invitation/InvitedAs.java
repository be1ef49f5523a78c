package org.cartcompanion.patient.invitation;

import org.cartcompanion.support.security.Roles;

/** Whom an invitation is for; stored by name. Accepting it needs the matching group in the caller's token. */
public enum InvitedAs {
    PATIENT(Roles.PATIENT), CAREGIVER(Roles.CAREGIVER);

    private final String group;

    InvitedAs(String group) {
        this.group = group;
    }

    /** The token group a caller needs to accept such an invitation. */
    public String group() {
        return group;
    }
}
