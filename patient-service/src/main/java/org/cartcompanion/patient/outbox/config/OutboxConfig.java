package org.cartcompanion.patient.outbox.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "patient.outbox")
public interface OutboxConfig {

    /** How often the relay looks for undelivered events (every replica runs it; rows are locked, not shared). */
    @WithDefault("2s")
    String relayInterval();

    /** Events taken per relay pass. */
    @WithDefault("20")
    int batchSize();

    /** Delay before the first retry; doubled on each failure. */
    @WithDefault("PT1S")
    Duration backoffBase();

    /** The longest delay between two attempts. */
    @WithDefault("PT5M")
    Duration backoffMax();

    /**
     * While events wait out a backoff and nothing was delivered for this long, the first of them is tried early (a probe); when
     * it goes through, all waiting events are delivered at once.
     */
    @WithDefault("PT3S")
    Duration probeInterval();

    /**
     * How long one delivery may take before it counts as failed. Not shorter: an alert-service that has just started answers
     * its first deliveries slowly, and a delivery counted failed is sent again, adding to its load.
     */
    @WithDefault("PT10S")
    Duration deliveryTimeout();
}
