package org.cartcompanion.careteam.oncall.rest;

import java.time.Instant;

import org.cartcompanion.careteam.oncall.schedule.Gap;
import org.cartcompanion.careteam.oncall.schedule.Tier;

/** An interval [start, end) in which a tier has nobody on call. */
public record GapResponse(Tier tier, Instant start, Instant end) {

    public static GapResponse of(Gap gap) {
        return new GapResponse(gap.tier(), gap.start(), gap.end());
    }
}
