package org.cartcompanion.alert.triage;

/** The patient's phase after infusion when the check-in was triaged; stored by name. */
public enum Phase {
    P0_PRE, P1_ACUTE, P2_EARLY, P3_INTERMEDIATE, P4_LATE, P5_LONG_TERM
}
