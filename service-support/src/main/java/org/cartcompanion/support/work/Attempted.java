package org.cartcompanion.support.work;

import java.time.Instant;

/**
 * A row that keeps its own attempt ledger (attempts, last error, next attempt). The {@link WorkLoop} writes it after each
 * attempt, so every job counts, cuts and schedules retries the same way.
 */
public interface Attempted {

    /** Attempts made so far. */
    int attempts();

    /** The attempt at {@code at} succeeded: count it, clear the error, stop retrying. */
    void succeeded(Instant at);

    /**
     * The attempt at {@code at} failed with {@code error} (already cut to {@link Failure#MAX_ERROR}); retry at {@code retryAt}.
     */
    void failed(Instant at, String error, Instant retryAt);

    /** The attempt at {@code at} was refused for good ({@link Refusal#permanent}): count it, record why, never retry. */
    default void gaveUp(Instant at, String error) {
        failed(at, error, null);
    }
}
