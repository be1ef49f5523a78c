package org.cartcompanion.patient.triagerules.rest;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/v1/triage-rules/centers/{centerId}}: threshold name → value; an empty map restores the defaults. */
public record CenterThresholdsRequest(@NotNull @Size(max = 100) Map<String, @NotNull Double> thresholds) {
}
