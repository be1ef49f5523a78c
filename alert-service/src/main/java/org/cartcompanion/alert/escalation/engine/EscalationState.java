package org.cartcompanion.alert.escalation.engine;

import java.time.Instant;

import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.triage.Disposition;

/**
 * What the engine needs to know about an alert.
 *
 * @param level
 *            the level paged last, 1-based; 0 before the first page
 * @param cycle
 *            the pass through the chain, 0 for the first
 * @param responsible
 *            whose chain runs, fixed when the chain (re)starts; null before
 * @param dueAt
 *            when the current level, acknowledgement window or fallback repage runs out; null before the first page
 * @param raisedFrom
 *            set when a worse check-in raised the disposition and the re-notification is still to be sent
 */
public record EscalationState(Status status, Disposition disposition, Responsible responsible, int level, int cycle,
        Instant dueAt, boolean ackReminded, Disposition raisedFrom) {

    public static EscalationState opened(Disposition disposition) {
        return new EscalationState(Status.TRIGGERED, disposition, null, 0, 0, null, false, null);
    }

    /** When the poller should look at the alert next; null when nothing is scheduled. */
    public Instant nextStepAt(Instant now) {
        if (!status.isOpen()) {
            return null;
        }
        // Not paged yet: the first level is due at once, unless someone acknowledged before it went out.
        if (raisedFrom != null || (level == 0 && status != Status.ACKNOWLEDGED)) {
            return now;
        }
        return dueAt;
    }
}
