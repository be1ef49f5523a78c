package org.cartcompanion.careteam.routing.rules;

import org.cartcompanion.careteam.team.CarePhase;

/** Who answers a patient's alert: the center's on-call or the community physician. */
public enum Responsible {
    CENTER, COMMUNITY;

    /**
     * The routing rule of the hybrid model: a 24-hour disposition goes to the community physician once care is shared or
     * community-led (the center is copied); everything else, and every emergency or center disposition whatever the phase, goes
     * to the center. Without a community physician on the team the center stays responsible.
     */
    public static Responsible of(Disposition disposition, CarePhase phase, boolean hasCommunityPhysician) {
        return disposition == Disposition.COMMUNITY_24H && phase.isCommunity() && hasCommunityPhysician ? COMMUNITY
                : CENTER;
    }
}
