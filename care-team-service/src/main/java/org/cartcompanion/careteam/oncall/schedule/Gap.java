package org.cartcompanion.careteam.oncall.schedule;

import java.time.Instant;

/** An interval [start, end) in which a tier has nobody on call. */
public record Gap(Tier tier, Instant start, Instant end) {
}
