package org.cartcompanion.alert.triage;

/** Triage dispositions, highest first; stored by name. */
public enum Disposition {
    EMERGENCY, CENTER_NOW, CENTER_SAME_DAY, COMMUNITY_24H, SELF_CARE
}
