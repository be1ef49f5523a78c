package org.cartcompanion.support.time;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Retry delays: base × 2^(attempts−1), capped, with up to 20 % jitter so replicas do not retry in lockstep. */
public final class Backoff {

    private Backoff() {
    }

    public static Duration after(int attempts, Duration base, Duration max) {
        long cap = max.toMillis();
        long exponential = attempts >= 30 ? cap : Math.min(cap, base.toMillis() << Math.max(0, attempts - 1));
        long jitter = (long) (exponential * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.min(cap, exponential + jitter));
    }
}
