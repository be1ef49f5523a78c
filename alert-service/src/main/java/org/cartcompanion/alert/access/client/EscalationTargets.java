package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.UUID;

/**
 * What a center's policy may name: the on-call tiers that have a rotation or shift, and the clinicians known to the center
 * (staff and the community physicians it works with).
 */
public record EscalationTargets(UUID centerId, List<String> scheduledTiers, List<Recipient> clinicians) {

    public static EscalationTargets none(UUID centerId) {
        return new EscalationTargets(centerId, List.of(), List.of());
    }
}
