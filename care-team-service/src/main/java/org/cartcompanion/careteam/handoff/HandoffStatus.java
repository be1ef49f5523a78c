package org.cartcompanion.careteam.handoff;

/** Where a hand-off stands; stored by name. Only PENDING changes. */
public enum HandoffStatus {
    PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
}
