package org.cartcompanion.alert.escalation.engine;

/** Who answers the alert first, as care-team-service's routing says: the center, or the community physician. */
public enum Responsible {
    CENTER, COMMUNITY
}
