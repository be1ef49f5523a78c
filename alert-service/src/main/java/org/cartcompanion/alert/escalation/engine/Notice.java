package org.cartcompanion.alert.escalation.engine;

import java.util.List;

import org.cartcompanion.alert.notification.Purpose;

/**
 * A notification the engine asks for. The targets are resolved to people when the step is applied; {@code toAcknowledger} adds
 * whoever acknowledged the alert, and a {@link Purpose#FALLBACK} notice goes to the policy's fallback address.
 */
public record Notice(Purpose purpose, int level, List<Target> targets, boolean toAcknowledger) {

    public Notice {
        targets = List.copyOf(targets);
    }
}
