package org.cartcompanion.patient.triagerules.rest;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/v1/triage-rules/centers/{centerId}}: threshold name → value; an empty map restores the defaults. A value less
 * strict than the default table needs {@code approval}: the center's medical lead, by name, and why (§10.4).
 */
public record CenterThresholdsRequest(@NotNull @Size(max = 100) Map<String, @NotNull Double> thresholds,
        @Valid Approval approval) {

    /** The medical lead's signed approval of a less strict threshold, recorded with the version. */
    public record Approval(@NotBlank @Size(max = 200) String medicalLead, @NotBlank @Size(max = 1000) String reason) {
    }
}
