package org.cartcompanion.alert.alert;

/** An alert's state, stored by name. Every state but RESOLVED is "open": one per patient at a time. */
public enum Status {
    TRIGGERED, ACKNOWLEDGED, RESOLVED, EXHAUSTED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
