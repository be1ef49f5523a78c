package org.cartcompanion.patient.triagerules.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A center's thresholds in force: its override version (0 = never overridden), the rule-set version that triage results record,
 * the overridden values, which of them are less strict than the default table, and the medical lead's approval of those.
 */
public record CenterThresholdsResponse(UUID centerId, int version, String ruleSetVersion, Map<String, Double> thresholds,
        List<String> loosened, CenterThresholdsRequest.Approval approval, String updatedBy, Instant updatedAt) {
}
