package org.cartcompanion.support.work;

import java.time.Duration;

import org.cartcompanion.support.time.Backoff;

/** How long a row waits after its n-th failed attempt: {@code base × 2^(n−1)}, capped at {@code max}, with jitter. */
public record RetryPolicy(Duration base, Duration max) {

    public Duration after(int attempts) {
        return Backoff.after(attempts, base, max);
    }
}
