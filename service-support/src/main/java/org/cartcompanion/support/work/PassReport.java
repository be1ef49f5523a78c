package org.cartcompanion.support.work;

/**
 * What one pass of a job did: rows found due, rows claimed (others were held by another replica or no longer due), attempts
 * that succeeded and failed, and whether the batch was full (more may be due).
 */
public record PassReport(int due, int claimed, int succeeded, int failed, boolean full) {

    static final PassReport NOTHING = new PassReport(0, 0, 0, 0, false);

    PassReport plus(PassReport other) {
        return new PassReport(due + other.due, claimed + other.claimed, succeeded + other.succeeded, failed + other.failed,
                other.full);
    }
}
