package org.cartcompanion.support.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(1);

    @Test
    void doublesWithUpToOneFifthJitterAndStopsAtTheCap() {
        for (int attempts = 1; attempts <= 6; attempts++) {
            long expected = 1000L << (attempts - 1);
            for (int i = 0; i < 200; i++) {
                long delay = Backoff.after(attempts, BASE, MAX).toMillis();
                assertTrue(delay >= expected && delay <= expected * 1.2, attempts + " attempts: " + delay);
            }
        }
        for (int attempts : new int[] { 7, 10, 30, 1000 }) {
            assertEquals(MAX, Backoff.after(attempts, BASE, MAX));
        }
    }
}
