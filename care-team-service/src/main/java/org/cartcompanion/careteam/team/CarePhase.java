package org.cartcompanion.careteam.team;

/** Who leads a patient's care in the hybrid model; stored by name. */
public enum CarePhase {
    CENTER_LED, SHARED, COMMUNITY_LED;

    /** SHARED and COMMUNITY_LED involve a community physician, and only an accepted hand-off leads there. */
    public boolean isCommunity() {
        return this != CENTER_LED;
    }
}
