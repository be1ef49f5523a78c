package org.cartcompanion.alert.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time plus an offset the tests move forward, so a five-minute acknowledgement timeout
 * passes at once. Only forward: alerts of earlier tests may escalate, so every test uses its own patients and addresses.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    public static synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** The service's now: the real time plus every advance so far. */
    public static Instant now() {
        return Instant.now().plus(offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
