package org.cartcompanion.patient.caregiver;

/** How a caregiver is related to the patient; stored by name. */
public enum Relationship {
    SPOUSE, PARTNER, PARENT, CHILD, SIBLING, RELATIVE, FRIEND, OTHER
}
