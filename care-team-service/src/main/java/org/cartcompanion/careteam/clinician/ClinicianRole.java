package org.cartcompanion.careteam.clinician;

/** A clinician's role at a center; stored by name. */
public enum ClinicianRole {
    PHYSICIAN, NURSE, COORDINATOR, COMMUNITY_PHYSICIAN;

    /** Staff belong to the center; a community physician is only known to it. */
    public boolean isStaff() {
        return this != COMMUNITY_PHYSICIAN;
    }
}
