package org.cartcompanion.careteam.internal;

import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.clinician.Recipient;

/**
 * What a center's escalation policy may name (for alert-service): the on-call tiers that have a rotation or shift, and the
 * clinicians known to the center, with their contact details.
 */
public record EscalationTargets(UUID centerId, List<String> scheduledTiers, List<Recipient> clinicians) {
}
