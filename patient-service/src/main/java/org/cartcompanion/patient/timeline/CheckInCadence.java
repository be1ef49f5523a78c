package org.cartcompanion.patient.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How often a symptom check-in is expected in each phase. The clinical default (clinical-rules.md §6.2): twice a day in P1,
 * daily in P2, every 2–3 days in P3 (the tighter bound is used), weekly in P4, monthly after. A deployment may set its own
 * interval for any phase.
 */
public final class CheckInCadence {

    private final Map<Phase, Duration> intervals = new EnumMap<>(Phase.class);

    /** The clinical default, with {@code overrides} in place of it for the phases they name. */
    public CheckInCadence(Map<Phase, Duration> overrides) {
        for (Phase phase : Phase.values()) {
            Duration interval = overrides.getOrDefault(phase, clinicalDefault(phase));
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The check-in interval of " + phase + " must be positive: " + interval);
            }
            intervals.put(phase, interval);
        }
    }

    public static Duration clinicalDefault(Phase phase) {
        return switch (phase) {
        case P0_PRE, P2_EARLY -> Duration.ofHours(24);
        case P1_ACUTE -> Duration.ofHours(12);
        case P3_INTERMEDIATE -> Duration.ofDays(2);
        case P4_LATE -> Duration.ofDays(7);
        case P5_LONG_TERM -> Duration.ofDays(30);
        };
    }

    public Duration interval(Phase phase) {
        return intervals.get(phase);
    }

    /**
     * When the next check-in is due: one interval after the last one, or one interval after enrollment for a patient who has
     * never checked in.
     */
    public Instant nextDue(Phase phase, Instant lastCheckIn, Instant enrolledAt) {
        Instant from = lastCheckIn == null || lastCheckIn.isBefore(enrolledAt) ? enrolledAt : lastCheckIn;
        return from.plus(interval(phase));
    }
}
