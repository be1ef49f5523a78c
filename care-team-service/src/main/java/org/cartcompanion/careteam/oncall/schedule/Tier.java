package org.cartcompanion.careteam.oncall.schedule;

/** An on-call tier; stored by name. */
public enum Tier {
    PRIMARY, BACKUP
}
