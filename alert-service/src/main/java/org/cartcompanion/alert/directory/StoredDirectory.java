package org.cartcompanion.alert.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.escalation.engine.Tier;

/** What the stored directory says about a center at one instant: who holds each tier, whom it knows, its hotline and phone. */
public record StoredDirectory(UUID centerId, String phone, String hotlineEmail, Map<Tier, List<Recipient>> onCall,
        List<Recipient> clinicians, Instant refreshedAt, Instant validUntil) {

    public List<Recipient> onCall(Tier tier) {
        return onCall.getOrDefault(tier, List.of());
    }
}
