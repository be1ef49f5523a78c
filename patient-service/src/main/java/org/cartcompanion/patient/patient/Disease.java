package org.cartcompanion.patient.patient;

/** The disease treated; stored by name. */
public enum Disease {
    LBCL, FL, MCL, CLL, B_ALL, MM, OTHER
}
