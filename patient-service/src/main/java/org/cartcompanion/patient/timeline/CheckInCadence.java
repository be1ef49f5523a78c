package org.cartcompanion.patient.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * How often a symptom check-in is expected in each phase (clinical-rules.md §6.2): twice a day in P1, daily in P2, every 2–3
 * days in P3 (the tighter bound is used), weekly in P4, monthly after.
 */
public final class CheckInCadence {

    private CheckInCadence() {
    }

    public static Duration interval(Phase phase) {
        return switch (phase) {
        case P0_PRE, P2_EARLY -> Duration.ofHours(24);
        case P1_ACUTE -> Duration.ofHours(12);
        case P3_INTERMEDIATE -> Duration.ofDays(2);
        case P4_LATE -> Duration.ofDays(7);
        case P5_LONG_TERM -> Duration.ofDays(30);
        };
    }

    /**
     * When the next check-in is due: one interval after the last one, or one interval after enrollment for a patient who has
     * never checked in.
     */
    public static Instant nextDue(Phase phase, Instant lastCheckIn, Instant enrolledAt) {
        Instant from = lastCheckIn == null || lastCheckIn.isBefore(enrolledAt) ? enrolledAt : lastCheckIn;
        return from.plus(interval(phase));
    }
}
