package org.cartcompanion.alert.escalation.engine;

/** The on-call tiers a center schedules; stored and exchanged by name. */
public enum Tier {
    PRIMARY, BACKUP
}
