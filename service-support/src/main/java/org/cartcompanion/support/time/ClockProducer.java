package org.cartcompanion.support.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The service's clock, replaceable in tests that need a fixed "now". It ticks in microseconds, the precision PostgreSQL stores,
 * so an instant reads back exactly as it was written.
 */
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
