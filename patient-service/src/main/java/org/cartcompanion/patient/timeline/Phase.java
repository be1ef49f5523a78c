package org.cartcompanion.patient.timeline;

/** Phases after CAR-T infusion (clinical-rules.md §1.1); day 0 is the day of infusion. */
public enum Phase {
    /** Lymphodepletion and bridging, before day 0. */
    P0_PRE,
    /** Days 0–14: CRS/ICANS window and deep neutropenia. */
    P1_ACUTE,
    /** Days 15–30: highest infection density, mostly bacterial. */
    P2_EARLY,
    /** Days 31–100: viral reactivation, prolonged cytopenias. */
    P3_INTERMEDIATE,
    /** Days 101–365: community viruses, hypogammaglobulinemia. */
    P4_LATE,
    /** After day 365. */
    P5_LONG_TERM
}
