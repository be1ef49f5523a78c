package org.cartcompanion.support.metrics;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Timer;

/**
 * The histograms of how long something took that matters to a patient (check-in to alert, due to paged, a step's lateness): one
 * set of buckets for all, at the thresholds the targets and the alerting rules name, so a rule can count what took longer than
 * 1 s or 60 s from the {@code _bucket} series without estimating.
 */
public final class Latencies {

    static final Duration[] BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2),
            Duration.ofMinutes(5) };

    private Latencies() {
    }

    /** A timer published as a Prometheus histogram with the shared buckets. */
    public static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0]).maximumExpectedValue(BUCKETS[BUCKETS.length - 1]);
    }

    /** {@code from → to}, never negative (clocks of two machines may disagree by a little). */
    public static Duration between(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
