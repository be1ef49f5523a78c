package org.cartcompanion.patient.invitation;

/** Where an invitation stands: only a pending one can be accepted. */
public enum InvitationStatus {
    PENDING, ACCEPTED, WITHDRAWN, EXPIRED
}
