package org.cartcompanion.alert.policy.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.alert.policy.PolicyDocument;
import org.cartcompanion.alert.policy.service.PolicyService;

/** A center's escalation policy; {@code isDefault} when the center has not saved one. */
public record PolicyResponse(UUID centerId, List<PolicyDocument.LevelDocument> levels, int repeat, String fallbackEmail,
        int resolveWithinSeconds, int exhaustedRepageSeconds, int version, boolean isDefault, Instant updatedAt,
        String updatedBy) {

    static PolicyResponse of(PolicyService.Current c) {
        PolicyDocument d = c.document();
        return new PolicyResponse(c.centerId(), d.levels(), d.repeat() == null ? 0 : d.repeat(), d.fallbackEmail(),
                d.resolveWithinSeconds(), d.exhaustedRepageSeconds(), c.version(), c.isDefault(),
                c.saved() == null ? null : c.saved().updatedAt, c.saved() == null ? null : c.saved().updatedBy);
    }
}
