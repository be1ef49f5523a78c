package org.cartcompanion.careteam.routing.rules;

/** A triage disposition, highest first (patient-service decides it; routing only reads it). */
public enum Disposition {
    EMERGENCY, CENTER_NOW, CENTER_SAME_DAY, COMMUNITY_24H, SELF_CARE
}
