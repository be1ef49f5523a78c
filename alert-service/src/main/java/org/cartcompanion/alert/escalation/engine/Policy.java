package org.cartcompanion.alert.escalation.engine;

import java.time.Duration;
import java.util.List;

/**
 * An escalation policy as copied onto an alert when it opens, so that later edits of the center's policy do not change a chain
 * that is already running.
 *
 * @param levels
 *            paged in order, each waiting its own acknowledgement timeout
 * @param repeat
 *            how many more times the whole chain runs after the first pass before the alert is exhausted
 * @param fallbackEmail
 *            paged when the chain is exhausted (the center's hotline when the policy names none), and again every
 *            {@code exhaustedRepage} until somebody acknowledges
 * @param resolveWithin
 *            an acknowledged alert not resolved within this window gets a reminder to the acknowledger; not resolved within the
 *            same window again, it goes back to TRIGGERED and the chain restarts
 * @param exhaustedRepage
 *            how often an exhausted alert pages the fallback again
 */
public record Policy(List<Level> levels, int repeat, String fallbackEmail, Duration resolveWithin, Duration exhaustedRepage) {

    public static final Duration DEFAULT_RESOLVE_WITHIN = Duration.ofMinutes(60);
    public static final Duration DEFAULT_EXHAUSTED_REPAGE = Duration.ofMinutes(15);

    public Policy {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("A policy has at least one level");
        }
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat is not negative");
        }
    }

    /** The default for a center without a saved policy: primary 5 min, backup 5 min, once more, then the hotline. */
    public static Policy defaults() {
        return defaults(Duration.ofMinutes(5), 1);
    }

    /** The default's shape (the primary on call, then the backup) with a deployment's own timeout and repeat. */
    public static Policy defaults(Duration ackTimeout, int repeat) {
        return new Policy(List.of(new Level(List.of(Target.PRIMARY), ackTimeout),
                new Level(List.of(Target.BACKUP), ackTimeout)), repeat, null, DEFAULT_RESOLVE_WITHIN,
                DEFAULT_EXHAUSTED_REPAGE);
    }

    /** Whether a level names a clinician directly (whose address comes from the center's clinicians, not from routing). */
    public boolean namesClinicians() {
        return levels.stream().flatMap(l -> l.targets().stream()).anyMatch(t -> t.kind() == Target.Kind.CLINICIAN);
    }
}
