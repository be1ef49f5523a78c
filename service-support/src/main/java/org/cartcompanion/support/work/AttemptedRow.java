package org.cartcompanion.support.work;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The attempt ledger as columns ({@code attempts}, {@code last_error}, {@code next_attempt_at}) for a job's entity to extend:
 * every job counts, records and reschedules the same way; the entity says only what being done means for it.
 */
@MappedSuperclass
public abstract class AttemptedRow implements Attempted {

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public final void succeeded(Instant at) {
        attempts++;
        lastError = null;
        done(at);
    }

    @Override
    public final void failed(Instant at, String error, Instant retryAt) {
        attempts++;
        lastError = error;
        nextAttemptAt = retryAt;
    }

    @Override
    public final void gaveUp(Instant at, String error) {
        attempts++;
        lastError = error;
        nextAttemptAt = null;
        abandoned(at);
    }

    /** What giving the row up at {@code at} means for it (failed for good); nothing by default. */
    protected void abandoned(Instant at) {
    }

    /** What the successful attempt at {@code at} means for this row (sent, delivered). */
    protected abstract void done(Instant at);
}
