package org.cartcompanion.patient.triagerules.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A center's thresholds in force: its override version (0 = never overridden), the rule-set version that triage results record,
 * and the overridden values.
 */
public record CenterThresholdsResponse(UUID centerId, int version, String ruleSetVersion, Map<String, Double> thresholds,
        String updatedBy, Instant updatedAt) {
}
