package org.cartcompanion.alert.escalation.engine;

import java.time.Duration;
import java.util.List;

/**
 * One level of a chain: who is paged, who is only copied (told, not asked to acknowledge), and how long the level waits for an
 * acknowledgement before the next one fires.
 */
public record Level(List<Target> targets, List<Target> copies, Duration ackTimeout) {

    public Level {
        targets = List.copyOf(targets);
        copies = List.copyOf(copies);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("A level pages at least one target");
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("A level waits a positive time");
        }
    }

    public Level(List<Target> targets, Duration ackTimeout) {
        this(targets, List.of(), ackTimeout);
    }
}
