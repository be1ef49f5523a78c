package org.cartcompanion.careteam.internal;

import java.util.List;
import java.util.UUID;

/**
 * What a center's escalation policy may name (for alert-service): the on-call tiers that have a rotation or shift, and the
 * clinicians known to the center, with their contact details.
 */
public record EscalationTargets(UUID centerId, List<String> scheduledTiers, List<Recipient> clinicians) {

    /** A person to notify. */
    public record Recipient(UUID clinicianId, String name, String email, String phone) {
    }
}
